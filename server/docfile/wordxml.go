package docfile

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	wordNS         = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS   = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	markupCompatNS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

const (
	// maxXMLDepth bounds element nesting. encoding/xml keeps a record per
	// open element, so 50 MB of "<a>" would cost gigabytes; Word nests
	// tables within tables, but nowhere near this deep.
	maxXMLDepth = 256
	// maxReviewAuthors bounds the distinct tracked-change and comment
	// authors kept: enough to show screening who touched the document.
	maxReviewAuthors = 50
)

var errXMLTooDeep = errors.New("docx: XML nested too deeply")

// xmlWalker reads tokens, keeping the nesting depth within maxXMLDepth.
type xmlWalker struct {
	d     *xml.Decoder
	depth int
}

func newWalker(r io.Reader) *xmlWalker { return &xmlWalker{d: xml.NewDecoder(r)} }

// next returns the next token, or io.EOF at the end of the document.
func (w *xmlWalker) next() (xml.Token, error) {
	tok, err := w.d.Token()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > maxXMLDepth {
			return nil, errXMLTooDeep
		}
	case xml.EndElement:
		w.depth--
	}
	return tok, nil
}

func isWord(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }

// wordText returns the text of a WordprocessingML part (document, header,
// footer, notes, comments): w:t runs, tabs and breaks, a newline after
// each paragraph. Deleted text and field codes are not w:t and stay out;
// mc:Fallback repeats its mc:Choice (text boxes) and is skipped. Authors
// of tracked changes and comments (w:author) are added to authors.
func wordText(r io.Reader, authors map[string]bool) (string, error) {
	w := newWalker(r)
	var sb strings.Builder
	inText, inRun, skipTo := 0, 0, -1
	for {
		tok, err := w.next()
		if err == io.EOF {
			return strings.TrimSpace(nfc(sb.String())), nil
		}
		if err != nil {
			return "", err
		}
		if skipTo >= 0 {
			if _, end := tok.(xml.EndElement); end && w.depth == skipTo {
				skipTo = -1
			}
			continue
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == markupCompatNS && t.Name.Local == "Fallback" {
				skipTo = w.depth - 1
				continue
			}
			if !isWord(t.Name) {
				continue
			}
			noteAuthor(t.Attr, authors)
			switch t.Name.Local {
			case "t":
				inText++
			case "r":
				inRun++
			case "tab", "ptab": // a w:tab outside a run is a tab stop definition
				if inRun > 0 {
					sb.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 {
					sb.WriteByte('\n')
				}
			case "noBreakHyphen":
				if inRun > 0 {
					sb.WriteByte('-')
				}
			}
		case xml.EndElement:
			if !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText--
			case "r":
				inRun--
			case "p":
				sb.WriteByte('\n')
			}
		case xml.CharData:
			if inText > 0 {
				sb.Write(t)
			}
		}
	}
}

func noteAuthor(attrs []xml.Attr, authors map[string]bool) {
	for _, a := range attrs {
		if isWord(a.Name) && a.Name.Local == "author" && len(authors) < maxReviewAuthors {
			if v := strings.TrimSpace(nfc(a.Value)); v != "" {
				authors[v] = true
			}
		}
	}
}

// readProps reads the text of the root's children named in want (by local
// name: docProps use several namespaces, and generators vary prefixes).
func readProps(r io.Reader, want map[string]*string) error {
	w := newWalker(r)
	var field *string
	var sb strings.Builder
	for {
		tok, err := w.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.depth == 2 {
				field = want[t.Name.Local]
				sb.Reset()
			}
		case xml.EndElement:
			if w.depth == 1 && field != nil {
				*field = strings.TrimSpace(nfc(sb.String()))
				field = nil
			}
		case xml.CharData:
			if field != nil {
				sb.Write(t)
			}
		}
	}
}

// readRelationships maps the last segment of each internal relationship
// type ("officeDocument", "core-properties", …: the same in transitional
// and strict OOXML) to its target part name. The first of a type wins.
func readRelationships(r io.Reader) (map[string]string, error) {
	w := newWalker(r)
	targets := map[string]string{}
	for {
		tok, err := w.next()
		if err == io.EOF {
			return targets, nil
		}
		if err != nil {
			return nil, err
		}
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" {
			continue
		}
		var typ, target, mode string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		key := path.Base(typ)
		if _, seen := targets[key]; !seen && mode != "External" && target != "" {
			targets[key] = path.Clean(strings.TrimPrefix(target, "/"))
		}
	}
}
