package bench

import (
	"testing"
	"time"
)

// TestLoginStormSmall runs the login bench in process with a few people:
// every one logs in, and the figures are filled in.
func TestLoginStormSmall(t *testing.T) {
	r := smoke(t, Login, LoginConfig{Logins: 12, Launch: InProcess(), GiveUp: time.Minute})
	if r.LoggedIn != 12 || r.Failed != 0 {
		t.Fatalf("%d logged in, %d failed of 12: %+v", r.LoggedIn, r.Failed, r)
	}
	if r.FirstAnswerP99Ms <= 0 || r.LoggedInMaxMs < r.FirstAnswerP50Ms || r.LoginsPerS <= 0 || r.PeakRSSMB <= 0 {
		t.Fatalf("figures missing: %+v", r)
	}
}
