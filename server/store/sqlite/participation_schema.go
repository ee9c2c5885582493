package sqlite

import (
	"fmt"
	"reflect"
	"slices"

	"hoithi/contests/quiz"
)

// Four pieces of this package follow the fields of quiz.Participation and
// the types inside it by hand, for speed: cloneParticipation (a deep copy
// per cached read), storedForm (what a read of a written record returns),
// the JSON encoder (participation_encode.go) and attemptEncodesAs (which
// lets a write copy a final attempt's JSON, participation_reuse.go). A
// field added to those types and not to them would be shared between
// callers, kept unnormalized, not stored at all, or stored stale. So the program compares the types
// with the fields written down here when it starts, and on any difference
// falls back to the plain path: no participation cache, json.Marshal for
// every record. Slower, never wrong; and TestQuizSchemaIsKnown fails so
// the three get updated with this list.

// quizSchema is every field the hand-written code knows, per type, as
// reflect prints it: name, type and tag.
var quizSchema = map[reflect.Type][]string{
	reflect.TypeFor[quiz.Participation](): {
		"RoundID string `json:\"roundId\"`", "UserID string `json:\"userId\"`",
		"ContestID string `json:\"contestId\"`", "UnitPath string `json:\"unitPath\"`",
		"Attempts []quiz.Attempt `json:\"attempts\"`", "Version int64 `json:\"version\"`",
		"Counted *quiz.AttemptSummary `json:\"counted,omitempty\"`",
		"OpenDeadline time.Time `json:\"openDeadline,omitempty\"`", "UpdatedAt time.Time `json:\"updatedAt\"`",
		"ExtraAttempts int `json:\"extraAttempts,omitempty\"`",
	},
	reflect.TypeFor[quiz.Attempt](): {
		"No int `json:\"no\"`", "ID string `json:\"id\"`", "StartedAt time.Time `json:\"startedAt\"`",
		"Deadline time.Time `json:\"deadline\"`", "Status quiz.AttemptStatus `json:\"status\"`",
		"Paper quiz.Paper `json:\"paper\"`", "Answers map[string]quiz.Answer `json:\"answers,omitempty\"`",
		"Prediction *int64 `json:\"prediction,omitempty\"`", "PredictionSeq int64 `json:\"predictionSeq,omitempty\"`",
		"SubmittedAt time.Time `json:\"submittedAt,omitempty\"`", "Correct int `json:\"correct\"`",
		"Total int `json:\"total\"`", "Score int `json:\"score\"`", "DurationMs int64 `json:\"durationMs\"`",
		"Client string `json:\"client,omitempty\"`",
		"OutageMs int64 `json:\"outageMs,omitempty\"`", "OutageKey int64 `json:\"outageKey,omitempty\"`",
		"ExtraMs int64 `json:\"extraMs,omitempty\"`",
	},
	reflect.TypeFor[quiz.Paper](): {"Items []quiz.Item `json:\"items\"`"},
	reflect.TypeFor[quiz.Item](): {
		"QuestionID string `json:\"questionId\"`", "OptionOrder []string `json:\"optionOrder\"`",
		"Multiple bool `json:\"multiple,omitempty\"`", "Points int `json:\"points\"`",
	},
	reflect.TypeFor[quiz.Answer](): {"Options []string `json:\"o\"`", "Seq int64 `json:\"s\"`"},
	reflect.TypeFor[quiz.AttemptSummary](): {
		"AttemptNo int `json:\"attemptNo\"`", "Correct int `json:\"correct\"`", "Total int `json:\"total\"`",
		"Score int `json:\"score\"`", "DurationMs int64 `json:\"durationMs\"`",
		"StartedAt time.Time `json:\"startedAt\"`", "SubmittedAt time.Time `json:\"submittedAt\"`",
		"Prediction *int64 `json:\"prediction,omitempty\"`",
	},
}

// schemaDiff lists the quiz types whose fields differ from quizSchema,
// empty when the hand-written code covers them exactly.
func schemaDiff() []string {
	var diff []string
	for t, want := range quizSchema {
		var got []string
		for f := range t.Fields() {
			got = append(got, fmt.Sprintf("%s %s `%s`", f.Name, f.Type, f.Tag))
		}
		if !slices.Equal(got, want) {
			diff = append(diff, fmt.Sprintf("%s: fields %q, this package knows %q", t, got, want))
		}
	}
	// A named type's underlying kind does not show in a field's line.
	if k := reflect.TypeFor[quiz.AttemptStatus]().Kind(); k != reflect.String {
		diff = append(diff, fmt.Sprintf("quiz.AttemptStatus is a %s, this package writes a string", k))
	}
	return diff
}

var quizSchemaMatches = len(schemaDiff()) == 0
