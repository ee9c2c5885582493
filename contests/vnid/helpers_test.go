package vnid

import (
	"errors"
	"strings"
	"testing"

	"hoithi/contests"
)

// wantAccepted checks that parse accepts every input and returns its want.
func wantAccepted[T comparable](t *testing.T, name string, parse func(string) (T, error), tests []struct {
	in   string
	want T
}) {
	t.Helper()
	for _, tt := range tests {
		got, err := parse(tt.in)
		if err != nil {
			t.Errorf("%s(%q) error: %v", name, tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s(%q) = %+v, want %+v", name, tt.in, got, tt.want)
		}
	}
}

// wantRefused checks that parse refuses every input with one CodeInvalid
// field error on field, whose Vietnamese message contains msgVI (any case)
// and which has an English one.
func wantRefused[T any](t *testing.T, name string, parse func(string) (T, error), field string, tests []struct{ in, msgVI string }) {
	t.Helper()
	for _, tt := range tests {
		got, err := parse(tt.in)
		if err == nil {
			t.Errorf("%s(%q) = %+v, want an error", name, tt.in, got)
			continue
		}
		var e *contests.Error
		if !errors.As(err, &e) || e.Code != contests.CodeInvalid {
			t.Errorf("%s(%q) error %v is not a CodeInvalid *contests.Error", name, tt.in, err)
			continue
		}
		if len(e.Fields) != 1 || e.Fields[0].Field != field {
			t.Errorf("%s(%q) fields = %+v, want one on %s", name, tt.in, e.Fields, field)
			continue
		}
		msg := e.Fields[0].Msg
		if !strings.Contains(strings.ToLower(msg.VI), strings.ToLower(tt.msgVI)) {
			t.Errorf("%s(%q) message %q does not contain %q", name, tt.in, msg.VI, tt.msgVI)
		}
		if msg.EN == "" {
			t.Errorf("%s(%q) has no English message", name, tt.in)
		}
	}
}
