package sqlite

import (
	"container/list"
	"sync"

	"hoithi/contests/quiz"
)

// Why an in-process cache of participation records is safe here.
//
// Every answer save reads the person's record and writes it back whole; the
// read used to cost a SQL lookup and a JSON decode of 6 KB, more than the
// write. The SQLite file belongs to exactly one process: Open takes an
// exclusive lock on <db>.lock (lock_unix.go) and every write to
// quiz_participations goes through PutParticipation of this DB, so a record
// this process wrote is the record on disk until this process writes it
// again. The cache mirrors those writes:
//
//   - it is filled by a read that missed and by every write that committed,
//     each time with the record exactly as a read of the row would return it
//     (storedForm; a record JSON cannot keep exactly is not cached);
//   - it hands out deep copies only (cloneParticipation): callers change
//     what they read, and two requests must never share a map or a slice;
//   - a write that failed or conflicted drops the key, so the next read goes
//     to SQL;
//   - cache changes happen under DB.participationOrder together with the SQL
//     statement that justifies them, so a fill can never put back a record
//     older than a write that committed meanwhile;
//   - the version guard of the UPDATE (WHERE version = ?) still decides every
//     write: a stale record, cached or not, is refused by SQL, never by the
//     cache.
//
// The lists (ExpiredParticipations, EachParticipation, ParticipationsOfUser)
// read SQL as before: they are not on the answer path.

// participationCacheBudget bounds the heap the cached records take, about
// 128 MiB: the records of some 6,500 people three attempts into a round, or
// 19,000 in their first attempt (the hot set of a province round, whose
// finished records age out). Past it the least recently used records go,
// and reading them again costs what every read cost before the cache.
const participationCacheBudget = 128 << 20

// heapCost estimates the heap a decoded record takes from its encoded
// size, the one size the store knows for every record: measured at 2.5 to
// 2.6 times (maps, slice headers and a string header per ID), rounded up.
func heapCost(encoded int) int { return 3 * encoded }

type participationKey struct{ roundID, userID string }

// cachedParticipation is one entry: a record in stored form that nobody
// mutates once it is in the cache (readers get clones).
type cachedParticipation struct {
	key participationKey
	p   *quiz.Participation
	// attemptJSON[i] is the stored JSON of p.Attempts[i] when it is final
	// and known, "" otherwise: the next write copies it instead of encoding
	// the attempt again (participation_reuse.go).
	attemptJSON []string
	size        int // heapCost, counted against the budget
}

// participationCache is a least-recently-used map bounded by bytes.
type participationCache struct {
	// enabled is false when the quiz types differ from what the copying
	// code knows (participation_schema.go): the cache then stays empty
	// and every read goes to SQL.
	enabled bool
	mu      sync.Mutex
	entries map[participationKey]*list.Element // value: *cachedParticipation
	lru     list.List                          // front: most recently used
	bytes   int
	budget  int
}

func newParticipationCache(budget int) *participationCache {
	return &participationCache{enabled: quizSchemaMatches, entries: map[participationKey]*list.Element{}, budget: budget}
}

// get returns the cached record, nil on a miss. The result is shared: clone
// it before handing it out.
func (c *participationCache) get(k participationKey) *quiz.Participation {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cachedParticipation).p
}

// getEncoded is get with the entry's attemptJSON (shared: read only).
func (c *participationCache) getEncoded(k participationKey) (*quiz.Participation, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
		return nil, nil
	}
	c.lru.MoveToFront(e)
	cp := e.Value.(*cachedParticipation)
	return cp.p, cp.attemptJSON
}

// put stores p (which the cache now owns) under k, replacing any entry, and
// evicts the least recently used entries beyond the budget. A record larger
// than the whole budget is not kept.
func (c *participationCache) put(k participationKey, p *quiz.Participation, size int) {
	c.putEncoded(k, p, nil, size)
}

// putEncoded is put with the JSON of p's final attempts, which the cache
// keeps with the record (its bytes count in size).
func (c *participationCache) putEncoded(k participationKey, p *quiz.Participation, attemptJSON []string, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.removeLocked(k)
	if !c.enabled || size > c.budget {
		return
	}
	c.entries[k] = c.lru.PushFront(&cachedParticipation{key: k, p: p, attemptJSON: attemptJSON, size: size})
	c.bytes += size
	for c.bytes > c.budget {
		c.removeLocked(c.lru.Back().Value.(*cachedParticipation).key)
	}
}

// drop forgets k.
func (c *participationCache) drop(k participationKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.removeLocked(k)
}

func (c *participationCache) removeLocked(k participationKey) {
	e, ok := c.entries[k]
	if !ok {
		return
	}
	c.bytes -= e.Value.(*cachedParticipation).size
	c.lru.Remove(e)
	delete(c.entries, k)
}

// clear forgets every record.
func (c *participationCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
	c.lru.Init()
	c.bytes = 0
}

// len reports how many records are cached (for tests).
func (c *participationCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
