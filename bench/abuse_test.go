package bench

import (
	"testing"
)

// The abuse bench through the real API in this process: every large
// anonymous body is answered 413 (or 401 on the upload route, which asks
// for a login before reading) long before it is sent, and the dossier
// arrives whole.
func TestAbuseSmokeInProcess(t *testing.T) {
	rep := smoke(t, Abuse, AbuseConfig{Launch: InProcess(), Parallel: 4, BodyMB: 64, Works: 2, WorkMB: 2, Logf: t.Logf})
	if rep.Statuses["413"]+rep.Statuses["401"] != 4 || rep.Statuses["401"] != 1 {
		t.Errorf("statuses %v: want three 413 and one 401", rep.Statuses)
	}
	if rep.BodyMBSent >= 4*64/2 {
		t.Errorf("%.1f MB of bodies sent before the answers: the server read them", rep.BodyMBSent)
	}
	if rep.DossierMB < 4 {
		t.Errorf("dossier of %.1f MB, want the two 2 MB works at least", rep.DossierMB)
	}
}
