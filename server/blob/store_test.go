package blob

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"hoithi/contests"
)

// harness is one Store under test plus a way to count what it keeps, so
// "nothing is left behind" can be checked on each engine.
type harness struct {
	store Store
	// stored counts everything the store holds (files, or GridFS files and
	// chunks documents).
	stored func(t *testing.T) int
}

// runStoreTests is the behaviour every Store must have.
func runStoreTests(t *testing.T, newHarness func(t *testing.T) harness) {
	t.Run("round trip keeps bytes, size and sha256", func(t *testing.T) {
		h := newHarness(t)
		for _, size := range []int{0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 3*chunkBytes + 17} {
			data := randomBytes(size, uint64(size))
			id, n, sum, err := h.store.Put(t.Context(), bytes.NewReader(data), int64(size)+10)
			if err != nil {
				t.Fatalf("Put %d bytes: %v", size, err)
			}
			want := sha256.Sum256(data)
			if n != int64(size) || sum != hex.EncodeToString(want[:]) {
				t.Errorf("Put %d bytes: size %d sha256 %s, want %d %x", size, n, sum, size, want)
			}
			if got := readBlob(t, h.store, id, int64(size)); !bytes.Equal(got, data) {
				t.Errorf("Open %d bytes: content differs (%d bytes back)", size, len(got))
			}
		}
	})

	t.Run("size limit: exactly at the limit is kept, one byte over is refused", func(t *testing.T) {
		h := newHarness(t)
		data := randomBytes(chunkBytes+100, 7)
		limit := int64(len(data))
		if _, n, _, err := h.store.Put(t.Context(), bytes.NewReader(data), limit); err != nil || n != limit {
			t.Fatalf("Put at limit: size %d, err %v", n, err)
		}
		before := h.stored(t)
		_, _, _, err := h.store.Put(t.Context(), bytes.NewReader(data), limit-1)
		assertFileError(t, err, contests.CodeTooLarge)
		if after := h.stored(t); after != before {
			t.Errorf("refused upload left %d objects behind", after-before)
		}
	})

	t.Run("an endless upload is cut right after the limit", func(t *testing.T) {
		h := newHarness(t)
		endless := &countingReader{}
		limit := int64(2*chunkBytes + 5)
		_, _, _, err := h.store.Put(t.Context(), endless, limit)
		assertFileError(t, err, contests.CodeTooLarge)
		if int64(endless.n) > limit+1 {
			t.Errorf("read %d bytes of an upload limited to %d", endless.n, limit)
		}
		if got := h.stored(t); got != 0 {
			t.Errorf("refused upload left %d objects", got)
		}
	})

	t.Run("an upload failing midway leaves no blob", func(t *testing.T) {
		h := newHarness(t)
		cause := errors.New("connection reset by peer")
		r := io.MultiReader(bytes.NewReader(randomBytes(2*chunkBytes+3, 3)), failingReader{cause})
		_, _, _, err := h.store.Put(t.Context(), r, 10*int64(chunkBytes))
		assertFileError(t, err, contests.CodeInvalid)
		if !errors.Is(err, cause) {
			t.Errorf("the cause is lost: %v", err)
		}
		if got := h.stored(t); got != 0 {
			t.Errorf("failed upload left %d objects", got)
		}
	})

	t.Run("a cancelled request leaves no blob", func(t *testing.T) {
		h := newHarness(t)
		ctx, cancel := context.WithCancel(t.Context())
		r := io.MultiReader(bytes.NewReader(randomBytes(chunkBytes+1, 4)), cancelOnRead{cancel}, bytes.NewReader([]byte("rest")))
		if _, _, _, err := h.store.Put(ctx, r, 10*int64(chunkBytes)); !errors.Is(err, context.Canceled) {
			t.Errorf("Put with cancelled context: %v, want context.Canceled", err)
		}
		if got := h.stored(t); got != 0 {
			t.Errorf("cancelled upload left %d objects", got)
		}
	})

	t.Run("unknown and malformed ids are not found", func(t *testing.T) {
		h := newHarness(t)
		unknown, err := newID()
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{unknown, "", "../../etc/passwd", "ABCDEF0123456789ABCDEF0123456789", unknown[:30] + "/x"} {
			if _, _, err := h.store.Open(t.Context(), id); contests.ErrorCode(err) != contests.CodeNotFound {
				t.Errorf("Open(%q): %v, want not_found", id, err)
			}
			if err := h.store.Delete(t.Context(), id); contests.ErrorCode(err) != contests.CodeNotFound {
				t.Errorf("Delete(%q): %v, want not_found", id, err)
			}
		}
	})

	t.Run("delete removes the blob and only it", func(t *testing.T) {
		h := newHarness(t)
		gone := putBytes(t, h.store, randomBytes(chunkBytes+9, 5))
		keptData := randomBytes(100, 6)
		kept := putBytes(t, h.store, keptData)
		if err := h.store.Delete(t.Context(), gone); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		if _, _, err := h.store.Open(t.Context(), gone); contests.ErrorCode(err) != contests.CodeNotFound {
			t.Errorf("Open after Delete: %v, want not_found", err)
		}
		if err := h.store.Delete(t.Context(), gone); contests.ErrorCode(err) != contests.CodeNotFound {
			t.Errorf("second Delete: %v, want not_found", err)
		}
		if got := readBlob(t, h.store, kept, 100); !bytes.Equal(got, keptData) {
			t.Error("deleting one blob damaged another")
		}
	})

	t.Run("concurrent uploads get distinct ids and keep their content", func(t *testing.T) {
		h := newHarness(t)
		const uploads = 4
		ids := make([]string, uploads)
		data := make([][]byte, uploads)
		var wg sync.WaitGroup
		for i := range uploads {
			data[i] = randomBytes(chunkBytes/2+i, uint64(100+i))
			wg.Go(func() {
				id, _, _, err := h.store.Put(t.Context(), bytes.NewReader(data[i]), int64(len(data[i])))
				if err != nil {
					t.Errorf("Put %d: %v", i, err)
				}
				ids[i] = id
			})
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		seen := map[string]bool{}
		for i, id := range ids {
			if seen[id] || !validID(id) {
				t.Errorf("id %q repeated or malformed", id)
			}
			seen[id] = true
			if got := readBlob(t, h.store, id, int64(len(data[i]))); !bytes.Equal(got, data[i]) {
				t.Errorf("upload %d: content differs", i)
			}
		}
	})
}

func assertFileError(t *testing.T, err error, code contests.Code) {
	t.Helper()
	var ce *contests.Error
	if !errors.As(err, &ce) || ce.Code != code {
		t.Fatalf("error %v, want a contests.Error with code %s", err, code)
	}
	if len(ce.Fields) != 1 || ce.Fields[0].Field != "file" || ce.Fields[0].Msg.VI == "" {
		t.Errorf("error fields %+v, want one message naming \"file\"", ce.Fields)
	}
}

func putBytes(t *testing.T, s Store, data []byte) string {
	t.Helper()
	id, _, _, err := s.Put(t.Context(), bytes.NewReader(data), int64(len(data))+1)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return id
}

func readBlob(t *testing.T, s Store, id string, wantSize int64) []byte {
	t.Helper()
	rc, size, err := s.Open(t.Context(), id)
	if err != nil {
		t.Fatalf("Open(%s): %v", id, err)
	}
	defer rc.Close()
	if size != wantSize {
		t.Errorf("Open(%s): size %d, want %d", id, size, wantSize)
	}
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read %s: %v", id, err)
	}
	return got
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 42))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// countingReader is an endless upload that counts what was taken from it.
type countingReader struct{ n int }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c.n + i)
	}
	c.n += len(p)
	return len(p), nil
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// cancelOnRead cancels the upload's context midway, as a client hanging up.
type cancelOnRead struct{ cancel context.CancelFunc }

func (c cancelOnRead) Read([]byte) (int, error) {
	c.cancel()
	return 0, io.EOF
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{10: "10 byte", 1500: "2 KB", 20 << 20: "20 MB", 3<<20 + 1<<19: "3.5 MB"} {
		if got := humanBytes(n); got != want {
			t.Errorf("humanBytes(%d) = %q, want %q", n, got, want)
		}
	}
	if got := fmt.Sprint(errTooLarge(20 << 20)); !bytes.Contains([]byte(got), []byte("20 MB")) {
		t.Errorf("too-large error %q does not say the limit", got)
	}
}
