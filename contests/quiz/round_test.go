package quiz

import (
	"testing"
)

func TestPublish(t *testing.T) {
	for _, tc := range []struct {
		from        RoundStatus
		wantChanged bool
		want        RoundStatus
	}{
		{RoundDraft, true, RoundPublished},
		{RoundPublished, false, RoundPublished},
		{RoundResults, false, RoundResults},
	} {
		t.Run(string(tc.from), func(t *testing.T) {
			r := &Round{Status: tc.from, UpdatedAt: at(0)}
			changed := r.Publish(at(60))
			if changed != tc.wantChanged || r.Status != tc.want {
				t.Fatalf("Publish from %s = %v, status %s; want %v, %s", tc.from, changed, r.Status, tc.wantChanged, tc.want)
			}
			if wantAt := map[bool]float64{true: 60, false: 0}[changed]; !r.UpdatedAt.Equal(at(wantAt)) {
				t.Fatalf("UpdatedAt = %v, want at(%v)", r.UpdatedAt, wantAt)
			}
		})
	}
}
