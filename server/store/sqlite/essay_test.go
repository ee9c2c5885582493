package sqlite

import (
	"testing"

	"hoithi/server/store/storetest"
)

func openEssayTemp(t *testing.T) storetest.EssayStore {
	t.Helper()
	return openTemp(t).(*DB)
}

func TestEssayContract(t *testing.T) {
	storetest.RunEssay(t, openEssayTemp, storetest.Options{Engine: "sqlite", Atomic: true})
}
