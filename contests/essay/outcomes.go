package essay

import "slices"

// WorkStanding is where one work stands in a round: its judges' submitted
// totals, the judges still awaited, and the outcome once every live seat
// has scored.
type WorkStanding struct {
	WorkID  string       `json:"workId"`
	Scores  []JudgeScore `json:"scores"`
	Pending []string     `json:"pending"`
	Outcome *Outcome     `json:"outcome,omitempty"`
}

// Standings joins a round's seats and score sheets: recused seats do not
// count, drafts are pending, and Aggregate decides each work whose judges
// have all submitted. Works come in the order of their first seat.
func Standings(seats []Seat, sheets []Score, policy Policy, threshold float64) ([]WorkStanding, error) {
	submitted := map[[2]string]float64{}
	for _, sc := range sheets {
		if sc.Status == ScoreSubmitted {
			submitted[[2]string{sc.WorkID, sc.JudgeID}] = sc.Total
		}
	}
	index := map[string]int{}
	var out []WorkStanding
	for _, seat := range seats {
		if seat.Recused {
			continue
		}
		i, ok := index[seat.WorkID]
		if !ok {
			i = len(out)
			index[seat.WorkID] = i
			out = append(out, WorkStanding{WorkID: seat.WorkID, Scores: []JudgeScore{}, Pending: []string{}})
		}
		if total, ok := submitted[[2]string{seat.WorkID, seat.JudgeID}]; ok {
			out[i].Scores = append(out[i].Scores, JudgeScore{JudgeID: seat.JudgeID, Total: total, Kind: seat.Kind})
		} else {
			out[i].Pending = append(out[i].Pending, seat.JudgeID)
		}
	}
	for i := range out {
		if len(out[i].Pending) > 0 || len(out[i].Scores) == 0 {
			continue
		}
		res, err := Aggregate(out[i].Scores, policy, threshold)
		if err != nil {
			return nil, err
		}
		out[i].Outcome = &res
	}
	return slices.Clip(out), nil
}
