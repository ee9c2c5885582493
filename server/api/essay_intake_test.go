package api

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hoithi/contests/essay"
)

// docxWithHiddenPart is a valid Word document plus one more part of n
// zero bytes that nothing in the document refers to: the text reads fine,
// but every judge's copy inflates every part.
func docxWithHiddenPart(t *testing.T, n int64) []byte {
	t.Helper()
	good, err := zip.NewReader(bytes.NewReader(docx(t, "Người dùng", essayText(300))), int64(len(docx(t, "Người dùng", essayText(300)))))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, f := range good.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create("word/media/padding.bin")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for left := n; left > 0; left -= int64(len(zeros)) {
		if _, err := w.Write(zeros[:min(left, int64(len(zeros)))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSubmitRefusesDocxWithHiddenGigabyte: a ~1 MB .docx whose document
// part is fine but which holds a 1 GB part of zeros is refused at upload,
// saying why, and nothing is stored.
func TestSubmitRefusesDocxWithHiddenGigabyte(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	author, _ := e.register(1, "W1-A")
	bomb := docxWithHiddenPart(t, 1<<30)
	if len(bomb) > 2<<20 {
		t.Fatalf("the bomb is %d bytes: meant to be about 1 MB", len(bomb))
	}
	r := f.submit(author, f.workBody("Giữ vững trận địa"), "bai.docx", bomb)
	if r.Status != 400 || !slicesContain(r.fieldNames(), "file") {
		t.Fatalf("status %d %s, want 400 naming file", r.Status, r.Raw)
	}
	if !strings.Contains(string(r.Raw), "50 MB") {
		t.Errorf("the message does not say the limit: %s", r.Raw)
	}
	if n := countFiles(t, e.blobDir); n != 0 {
		t.Errorf("%d files kept after a refused upload", n)
	}
	// The same document without the hidden part goes through.
	if r := f.submit(author, f.workBody("Giữ vững trận địa"), "bai.docx", docxWithHiddenPart(t, 1<<10)); r.Status != 201 {
		t.Fatalf("good document: %d %s", r.Status, r.Raw)
	}
}

func slicesContain(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestDossierListsWorkThatCannotBePrepared: a stored Word file that can no
// longer be prepared for judges (here: replaced on disk by one with a
// hidden gigabyte, as a file stored before the upload check could be) does
// not break the dossier: the other work's file is in it, and the bad one
// is a row with the reason. The judge's download of it is a clear 400.
func TestDossierListsWorkThatCannotBePrepared(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	var ids, codes []string
	for i := range 2 {
		author, _ := e.register(1+i, "W1-A")
		r := f.submit(author, f.workBody("Bài số "+itoa(i+1)), "bai.docx", docx(t, "Người dùng", essayText(300)))
		if r.Status != 201 {
			t.Fatalf("submit: %d %s", r.Status, r.Raw)
		}
		ids = append(ids, r.Body["work"].(map[string]any)["id"].(string))
	}
	for _, id := range ids {
		r := e.do("POST", "/api/v1/org/essay/works/"+id+"/screen", map[string]any{"accept": true}, f.sec)
		codes = append(codes, r.Body["work"].(map[string]any)["code"].(string))
	}
	for _, id := range ids { // forwarded up, as forwardWorks records it
		w, err := e.store.Work(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		fw := *w
		fw.ID, fw.ContestID, fw.Code, fw.Status = essay.ForwardedWorkID(w.ID, f.parentID), f.parentID, "", essay.WorkSubmitted
		fw.Origin = &essay.Origin{ContestID: f.contestID, WorkID: w.ID, Final: 8}
		if err := e.store.CreateWork(t.Context(), &fw); err != nil {
			t.Fatal(err)
		}
	}
	bad, err := e.store.Work(t.Context(), ids[1])
	if err != nil {
		t.Fatal(err)
	}
	blobID := bad.Files[0].BlobID
	if err := os.WriteFile(filepath.Join(e.blobDir, blobID[0:2], blobID[2:4], blobID), docxWithHiddenPart(t, 200<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	parts := dossierParts(t, e.do("GET", "/api/v1/org/essay/"+f.contestID+"/export/dossier", nil, f.org))
	if _, ok := parts["tac-pham/"+codes[0]+"-1.docx"]; !ok || len(parts) != 3 {
		t.Fatalf("dossier parts: %v", keys(parts))
	}
	list := readSheets(t, parts["danh-sach-tac-pham.xlsx"])["DanhSach"]
	rows := map[string][]string{}
	for _, row := range list[1:] {
		rows[row[0]] = row
	}
	if len(list) != 3 || list[0][6] != "Vấn đề" || len(rows[codes[0]]) > 6 && rows[codes[0]][6] != "" {
		t.Fatalf("dossier list: %v", list)
	}
	if row := rows[codes[1]]; len(row) < 7 || !strings.Contains(row[6], "không chuẩn bị được") || row[5] != "" {
		t.Fatalf("the bad work's row: %v", row)
	}
}

// TestSubmitPDFLosesItsProperties: a PDF whose information dictionary and
// XMP name the author is accepted; screening is warned that its properties
// named her, and the stored copy (what judges download) no longer does.
func TestSubmitPDFLosesItsProperties(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	author, _ := e.register(1, "W1-A") // Nguyễn Văn An
	pdf, err := os.ReadFile("testdata/pdf-naming-author.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("Nguyễn Văn An")) {
		t.Fatal("the fixture does not name the author: the test proves nothing")
	}
	body := f.workBody("Giữ vững trận địa")
	body["text"] = essayText(300)
	r := f.submit(author, body, "bai.pdf", pdf)
	if r.Status != 201 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	id := r.Body["work"].(map[string]any)["id"].(string)
	w, err := e.store.Work(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := os.ReadFile(filepath.Join(e.blobDir, w.Files[0].BlobID[0:2], w.Files[0].BlobID[2:4], w.Files[0].BlobID))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(stored, []byte("%PDF-")) || bytes.Contains(stored, []byte("Nguy")) || bytes.Contains(stored, []byte("/Metadata")) {
		t.Fatalf("the stored copy still carries the properties (%d bytes)", len(stored))
	}
	if w.Files[0].Bytes != int64(len(stored)) {
		t.Errorf("recorded size %d, stored %d", w.Files[0].Bytes, len(stored))
	}
	list := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/works", nil, f.sec)
	if !strings.Contains(string(list.Raw), "thuộc tính của tệp") {
		t.Fatalf("no screening warning about the file's properties: %s", list.Raw)
	}
}

// TestSubmitVideoLosesItsTags: an MP4 whose udta box names the author is
// accepted, stored with that box blanked (same size: offsets into mdat
// hold), and screening is warned.
func TestSubmitVideoLosesItsTags(t *testing.T) {
	e := sqliteEnv(t)
	f := newEssayFixture(t, e)
	author, _ := e.register(1, "W1-A") // Nguyễn Văn An
	tag := []byte("\x00\x00\x00\x25\xa9ART\x00\x00\x00\x1ddata\x00\x00\x00\x01\x00\x00\x00\x00Nguyễn Văn An")
	udta := append([]byte{0, 0, 0, byte(8 + len(tag)), 'u', 'd', 't', 'a'}, tag...)
	video := append(mp4(4*60), udta...)
	work := map[string]any{"category": "video", "title": "Phóng sự về nền tảng tư tưởng", "text": essayText(120), "declaration": true}
	r := f.submit(author, work, "phong-su.mp4", video)
	if r.Status != 201 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	w, err := e.store.Work(t.Context(), r.Body["work"].(map[string]any)["id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	id := w.Files[0].BlobID
	stored, err := os.ReadFile(filepath.Join(e.blobDir, id[0:2], id[2:4], id))
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(video) || bytes.Contains(stored, []byte("Nguy")) || !bytes.Contains(stored, []byte("mvhd")) {
		t.Fatalf("stored %d bytes (sent %d), still naming the author or damaged", len(stored), len(video))
	}
	list := e.do("GET", "/api/v1/org/essay/"+f.contestID+"/works", nil, f.sec)
	if !strings.Contains(string(list.Raw), "thuộc tính của tệp") {
		t.Fatalf("no screening warning about the file's tags: %s", list.Raw)
	}
}

// mp4 builds a minimal MP4 of the given length: ftyp, a media box, and a
// movie header with timescale 1000.
func mp4(seconds int) []byte {
	box := func(name string, payload []byte) []byte {
		out := make([]byte, 8, 8+len(payload))
		binary.BigEndian.PutUint32(out, uint32(8+len(payload)))
		copy(out[4:], name)
		return append(out, payload...)
	}
	mvhd := make([]byte, 100)
	binary.BigEndian.PutUint32(mvhd[12:], 1000)
	binary.BigEndian.PutUint32(mvhd[16:], uint32(seconds*1000))
	return bytes.Join([][]byte{box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41")), box("mdat", make([]byte, 4096)), box("moov", box("mvhd", mvhd))}, nil)
}

func TestVideoDurationIsMeasured(t *testing.T) {
	essayAuthorCase(t, func(t *testing.T, e *env, f *essayFixture, author string) {
		work := map[string]any{"category": "video", "title": "Phóng sự về nền tảng tư tưởng", "text": essayText(120), "declaration": true}
		r := f.submit(author, work, "phong-su.mp4", mp4(6*60))
		if r.Status != 400 || !slices.Contains(r.fieldNames(), "file") {
			t.Fatalf("a 6-minute video: %d %s", r.Status, r.Raw)
		}
		r = f.submit(author, work, "phong-su.mp4", mp4(4*60))
		if r.Status != 201 {
			t.Fatalf("a 4-minute video: %d %s", r.Status, r.Raw)
		}
	})
}
