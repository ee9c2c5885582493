package bench

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" driver, for reading the file directly
)

// The server's counters of participation writes: successful, and refused
// because another request changed the record first.
const (
	recordWritesMetric    = `hoithi_quiz_record_writes_total{outcome="ok"}`
	recordConflictsMetric = `hoithi_quiz_record_writes_total{outcome="conflict"}`
)

// scrapeCounter reads one sample from the server's /metrics; found is false
// when the server does not export it.
func scrapeCounter(c *client, sample string) (value float64, found bool, err error) {
	res := c.do("GET", "/metrics", metricsToken, nil)
	if res.err != nil {
		return 0, false, res.err
	}
	if !res.ok() {
		return 0, false, fmt.Errorf("HTTP %d", res.status)
	}
	return parseCounter(res.body, sample)
}

func parseCounter(text []byte, sample string) (float64, bool, error) {
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), sample)
		if !ok || !strings.HasPrefix(rest, " ") {
			continue
		}
		v, err := strconv.ParseFloat(strings.Fields(rest)[0], 64)
		return v, err == nil, err
	}
	return 0, false, sc.Err()
}

// recordStats is read from the SQLite file itself while the server runs
// (WAL lets a reader in beside the server's writer).
type recordStats struct {
	records  int
	versions int64   // each successful write bumps a record's version by 1
	avgBytes float64 // of the JSON, without the padding a row ends in
}

func readRecordStats(ctx context.Context, dir string) (recordStats, error) {
	db, err := sql.Open("sqlite", filepath.Join(dir, "hoithi.db")+"?_pragma=query_only(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return recordStats{}, err
	}
	defer db.Close()
	var s recordStats
	var versions sql.NullInt64
	var avg sql.NullFloat64
	err = db.QueryRowContext(ctx, `SELECT COUNT(*), SUM(version), AVG(LENGTH(RTRIM(data, ' '))) FROM quiz_participations`).Scan(&s.records, &versions, &avg)
	s.versions, s.avgBytes = versions.Int64, avg.Float64
	return s, err
}
