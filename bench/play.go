package bench

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// The steps of one complete attempt, timed separately.
const (
	stepStart = iota
	stepAnswer
	stepSubmit
	stepResult
	stepCount
)

var stepNames = [stepCount]string{"start", "answer", "submit", "result"}

// playStats is what one generator goroutine saw; merged at the end.
type playStats struct {
	hist     [stepCount]Histogram
	errors   map[string]int // by HTTP status, "transport" for no response
	complete int
	requests int64
}

func newPlayStats() *playStats { return &playStats{errors: map[string]int{}} }

func (s *playStats) merge(o *playStats) {
	for i := range s.hist {
		s.hist[i].Merge(&o.hist[i])
	}
	for k, v := range o.errors {
		s.errors[k] += v
	}
	s.complete += o.complete
	s.requests += o.requests
}

func (s *playStats) errorCount() int {
	n := 0
	for _, v := range s.errors {
		n += v
	}
	return n
}

// playLimits bound the main phase: no attempt starts after deadline, no
// request at all is sent after hardStop or past maxRequests in total.
type playLimits struct {
	deadline, hardStop time.Time
	maxRequests        int64
	sent               atomic.Int64
}

// attemptView is what the generator reads of a started attempt.
type attemptView struct {
	No           int `json:"no"`
	AttemptsLeft int `json:"attemptsLeft"`
	Questions    []struct {
		ID      string `json:"id"`
		Options []struct {
			ID string `json:"id"`
		} `json:"options"`
	} `json:"questions"`
}

// playPhase runs concurrency goroutines, each owning distinct people
// (tokens), playing complete attempts until the limits end it. It returns
// the merged stats and the phase's wall time.
func playPhase(ctx context.Context, c *client, roundID string, tokens []string, concurrency int, lim *playLimits) (*playStats, time.Duration) {
	concurrency = max(1, min(concurrency, len(tokens)))
	all := newPlayStats()
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for w := range concurrency {
		var mine []string
		for i := w; i < len(tokens); i += concurrency {
			mine = append(mine, tokens[i])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newPlayStats()
			p := &playerLoop{c: c, lim: lim, st: st, prefix: "/api/v1/rounds/" + roundID}
			p.run(ctx, mine)
			mu.Lock()
			all.merge(st)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, time.Since(start)
}

type playerLoop struct {
	c      *client
	lim    *playLimits
	st     *playStats
	prefix string
	body   []byte
}

func (p *playerLoop) run(ctx context.Context, tokens []string) {
	exhausted := make([]bool, len(tokens))
	for k := 0; ctx.Err() == nil && time.Now().Before(p.lim.deadline); k++ {
		i, found := k%len(tokens), false
		for range tokens { // next person with attempts left
			if !exhausted[i] {
				found = true
				break
			}
			i = (i + 1) % len(tokens)
		}
		if !found {
			return
		}
		more, stop := p.attempt(tokens[i], k)
		exhausted[i] = !more
		if stop {
			return
		}
	}
}

// send issues one request of a step and records it; ok false on any
// non-2xx, stop true when the limits forbid more requests.
func (p *playerLoop) send(step int, method, path, token string, body []byte) (res result, ok, stop bool) {
	if p.lim.sent.Add(1) > p.lim.maxRequests || time.Now().After(p.lim.hardStop) {
		return result{}, false, true
	}
	res = p.c.do(method, path, token, body)
	p.st.requests++
	if res.status != 0 {
		p.st.hist[step].Record(res.latency)
	}
	if !res.ok() {
		key := "transport"
		if res.status != 0 {
			key = strconv.Itoa(res.status)
		}
		p.st.errors[key]++
		return res, false, false
	}
	return res, true, false
}

// attempt plays start, every answer, submit and the result page. more is
// false once the person has no attempt left; an error abandons the attempt
// (the next start resumes it).
func (p *playerLoop) attempt(token string, k int) (more, stop bool) {
	res, ok, stop := p.send(stepStart, "POST", p.prefix+"/attempts", token, nil)
	if !ok {
		return res.status != 409, stop
	}
	var a attemptView
	if err := json.Unmarshal(res.body, &a); err != nil || a.No == 0 || len(a.Questions) == 0 {
		p.st.errors["bad_body"]++
		return true, false
	}
	more = a.AttemptsLeft > 0
	attemptPath := p.prefix + "/attempts/" + strconv.Itoa(a.No)
	for i, q := range a.Questions {
		if len(q.Options) == 0 {
			p.st.errors["bad_body"]++
			return more, false
		}
		p.body = appendAnswer(p.body[:0], q.Options[(i+k)%len(q.Options)].ID, int64(i+1))
		if _, ok, stop := p.send(stepAnswer, "PUT", attemptPath+"/answers/"+q.ID, token, p.body); !ok {
			return more, stop
		}
	}
	if _, ok, stop := p.send(stepSubmit, "POST", attemptPath+"/submit", token, nil); !ok {
		return more, stop
	}
	if _, ok, stop := p.send(stepResult, "GET", p.prefix+"/me", token, nil); !ok {
		return more, stop
	}
	p.st.complete++
	return more, false
}

// appendAnswer writes {"options":["<id>"],"seq":<seq>} without reflection.
func appendAnswer(b []byte, option string, seq int64) []byte {
	b = append(b, `{"options":[`...)
	b = strconv.AppendQuote(b, option)
	b = append(b, `],"seq":`...)
	b = strconv.AppendInt(b, seq, 10)
	return append(b, '}')
}
