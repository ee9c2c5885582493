package excel

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"strings"
)

// Merged cells are listed by scanning the worksheet's XML for
// <mergeCell ref="…"> instead of excelize's GetMergeCells, which first
// builds the whole sheet in memory: seconds and hundreds of megabytes for a
// 50,000-row file, against milliseconds here. (Cell text cannot fake the
// tag: inside XML text "<" is always escaped.)

var mergeCellRef = regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?mergeCell\b[^>]*?\bref="([^"]*)"`)

// mergedRanges returns the merged ranges ("B5:C5") of sheet in the xlsx
// bytes, reading at most limit bytes of the unzipped sheet. ok is false
// when the sheet's part cannot be located; the caller then asks excelize.
func mergedRanges(data []byte, sheet string, limit int64) (refs []string, ok bool) {
	xmlBytes, ok := sheetXML(data, sheet, limit)
	if !ok {
		return nil, false
	}
	start := bytes.Index(xmlBytes, []byte("mergeCell"))
	if start < 0 {
		return nil, true
	}
	for _, m := range mergeCellRef.FindAllSubmatch(xmlBytes[max(start-40, 0):], -1) {
		refs = append(refs, string(m[1]))
	}
	return refs, true
}

type opcRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type workbookSheets struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"id,attr"` // r:id, whatever the namespace prefix
	} `xml:"sheets>sheet"`
}

// sheetPart finds the zip entry of a sheet the way Excel does: package
// relationships → workbook → workbook relationships → worksheet part.
func sheetPart(zr *zip.Reader, sheet string, limit int64) *zip.File {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	var rootRels opcRelationships
	if !readXMLPart(files["_rels/.rels"], &rootRels, limit) {
		return nil
	}
	workbookPath := ""
	for _, r := range rootRels.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			workbookPath = resolveTarget("", r.Target)
		}
	}
	var wb workbookSheets
	if !readXMLPart(files[strings.ToLower(workbookPath)], &wb, limit) {
		return nil
	}
	rid := ""
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			rid = s.RID
		}
	}
	var wbRels opcRelationships
	relsPath := path.Join(path.Dir(workbookPath), "_rels", path.Base(workbookPath)+".rels")
	if rid == "" || !readXMLPart(files[strings.ToLower(relsPath)], &wbRels, limit) {
		return nil
	}
	for _, r := range wbRels.Rels {
		if r.ID == rid {
			return files[strings.ToLower(resolveTarget(path.Dir(workbookPath), r.Target))]
		}
	}
	return nil
}

// resolveTarget turns a relationship target into a zip entry name: absolute
// targets start at the package root, others at the source part's folder.
func resolveTarget(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

func readXMLPart(f *zip.File, v any, limit int64) bool {
	if f == nil {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, limit)).Decode(v) == nil
}

// sheetXML returns the worksheet XML of sheet in the xlsx bytes, at most
// limit bytes of it unzipped. ok is false when the part cannot be located
// or read; the callers then ask excelize.
func sheetXML(data []byte, sheet string, limit int64) (xmlBytes []byte, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false
	}
	part := sheetPart(zr, sheet, limit)
	if part == nil {
		return nil, false
	}
	rc, err := part.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	xmlBytes, err = io.ReadAll(io.LimitReader(rc, limit))
	if err != nil {
		return nil, false
	}
	return xmlBytes, true
}
