package mongo

import (
	"time"

	"hoithi/contests/essay"
)

// Stored shapes of essay works and identity sheets. As in docs.go they are
// kept apart from the domain structs; instants are UTC milliseconds and a
// zero one is absent; nil and empty lists keep their difference (mapSlice).

type storedFileDoc struct {
	BlobID       string `bson:"blobId"`
	Name         string `bson:"name"`
	Kind         string `bson:"kind"`
	Bytes        int64  `bson:"bytes"`
	MediaSeconds int    `bson:"mediaSeconds"`
	SHA256       string `bson:"sha256"`
}

type originDoc struct {
	ContestID   string  `bson:"contestId"`
	WorkID      string  `bson:"workId"`
	ContestName string  `bson:"contestName"`
	UnitName    string  `bson:"unitName"`
	Final       float64 `bson:"final"`
	Prize       string  `bson:"prize,omitempty"`
}

type workDoc struct {
	ID        string          `bson:"_id"`
	ContestID string          `bson:"contestId"`
	Category  string          `bson:"category"`
	Title     string          `bson:"title"`
	Text      string          `bson:"text"`
	Words     int             `bson:"words"`
	Files     []storedFileDoc `bson:"files"`
	Coauthors int             `bson:"coauthors"`
	AuthorID  string          `bson:"authorId"`
	UnitPath  string          `bson:"unitPath"`
	Receipt   string          `bson:"receipt"`
	Status    string          `bson:"status"`
	// Code is absent until the work is accepted. CodeKey is
	// contestId+"|"+code, the key of the sparse unique index: a code is
	// unique within its contest only, and a compound (contestId, code)
	// index could not be sparse in effect — MongoDB indexes a document that
	// has any key of a sparse compound index, so every work still waiting
	// for its code would collide on (contestId, null). One derived field,
	// absent with the code, leaves those works out on both servers.
	Code         string     `bson:"code,omitempty"`
	CodeKey      string     `bson:"codeKey,omitempty"`
	RejectReason string     `bson:"rejectReason"`
	Warnings     []string   `bson:"warnings"`
	Round        int        `bson:"round"`
	Origin       *originDoc `bson:"origin,omitempty"`
	Version      int64      `bson:"version"`
	SubmittedAt  time.Time  `bson:"submittedAt,omitempty"`
	UpdatedAt    time.Time  `bson:"updatedAt,omitempty"`
}

type personDoc struct {
	FullName    string    `bson:"fullName"`
	BirthDate   time.Time `bson:"birthDate,omitempty"`
	PenName     string    `bson:"penName"`
	Title       string    `bson:"title"`
	UnitName    string    `bson:"unitName"`
	Address     string    `bson:"address"`
	Phone       string    `bson:"phone"`
	Email       string    `bson:"email"`
	CCCDSealed  string    `bson:"cccdSealed"`
	CCCDMasked  string    `bson:"cccdMasked"`
	BankAccount string    `bson:"bankAccount"`
	BankName    string    `bson:"bankName"`
}

// identityDoc is filed under the work's ID: one sheet per work, in its own
// collection so that nothing reading works can return it by accident.
type identityDoc struct {
	WorkID    string      `bson:"_id"`
	ContestID string      `bson:"contestId"`
	Author    personDoc   `bson:"author"`
	Coauthors []personDoc `bson:"coauthors"`
	UpdatedAt time.Time   `bson:"updatedAt,omitempty"`
}

// workCodeKey is the value of codeKey for a code in a contest; "" (absent)
// when the work has no code.
func workCodeKey(contestID, code string) string {
	if code == "" {
		return ""
	}
	return contestID + "|" + code
}

func toWorkDoc(w *essay.Work) *workDoc {
	d := &workDoc{
		ID: w.ID, ContestID: w.ContestID, Category: string(w.Category), Title: w.Title, Text: w.Text,
		Words: w.Words, Coauthors: w.Coauthors, AuthorID: w.AuthorID, UnitPath: w.UnitPath,
		Receipt: w.Receipt, Status: string(w.Status),
		Code: w.Code, CodeKey: workCodeKey(w.ContestID, w.Code), RejectReason: w.RejectReason,
		Warnings: w.Warnings, Round: w.Round, Version: w.Version,
		SubmittedAt: storedTime(w.SubmittedAt), UpdatedAt: storedTime(w.UpdatedAt),
		Files: mapSlice(w.Files, func(f essay.StoredFile) storedFileDoc {
			return storedFileDoc{BlobID: f.BlobID, Name: f.Name, Kind: string(f.Kind), Bytes: f.Bytes,
				MediaSeconds: f.MediaSeconds, SHA256: f.SHA256}
		}),
	}
	if o := w.Origin; o != nil {
		d.Origin = &originDoc{ContestID: o.ContestID, WorkID: o.WorkID, ContestName: o.ContestName,
			UnitName: o.UnitName, Final: o.Final, Prize: o.Prize}
	}
	return d
}

func (d *workDoc) work() *essay.Work {
	w := &essay.Work{
		ID: d.ID, ContestID: d.ContestID, Category: essay.CategoryKey(d.Category), Title: d.Title, Text: d.Text,
		Words: d.Words, Coauthors: d.Coauthors, AuthorID: d.AuthorID, UnitPath: d.UnitPath,
		Receipt: d.Receipt, Status: essay.WorkStatus(d.Status), Code: d.Code, RejectReason: d.RejectReason,
		Warnings: d.Warnings, Round: d.Round, Version: d.Version,
		SubmittedAt: loadedTime(d.SubmittedAt), UpdatedAt: loadedTime(d.UpdatedAt),
		Files: mapSlice(d.Files, func(f storedFileDoc) essay.StoredFile {
			return essay.StoredFile{BlobID: f.BlobID, SHA256: f.SHA256, File: essay.File{
				Name: f.Name, Kind: essay.FileKind(f.Kind), Bytes: f.Bytes, MediaSeconds: f.MediaSeconds}}
		}),
	}
	if o := d.Origin; o != nil {
		w.Origin = &essay.Origin{ContestID: o.ContestID, WorkID: o.WorkID, ContestName: o.ContestName,
			UnitName: o.UnitName, Final: o.Final, Prize: o.Prize}
	}
	return w
}

func toPersonDoc(p essay.Person) personDoc {
	return personDoc{
		FullName: p.FullName, BirthDate: storedTime(p.BirthDate), PenName: p.PenName, Title: p.Title,
		UnitName: p.UnitName, Address: p.Address, Phone: p.Phone, Email: p.Email,
		CCCDSealed: p.CCCDSealed, CCCDMasked: p.CCCDMasked, BankAccount: p.BankAccount, BankName: p.BankName,
	}
}

func (d personDoc) person() essay.Person {
	return essay.Person{
		FullName: d.FullName, BirthDate: loadedTime(d.BirthDate), PenName: d.PenName, Title: d.Title,
		UnitName: d.UnitName, Address: d.Address, Phone: d.Phone, Email: d.Email,
		CCCDSealed: d.CCCDSealed, CCCDMasked: d.CCCDMasked, BankAccount: d.BankAccount, BankName: d.BankName,
	}
}

func toIdentityDoc(id *essay.Identity) *identityDoc {
	return &identityDoc{
		WorkID: id.WorkID, ContestID: id.ContestID, Author: toPersonDoc(id.Author),
		Coauthors: mapSlice(id.Coauthors, toPersonDoc), UpdatedAt: storedTime(id.UpdatedAt),
	}
}

func (d *identityDoc) identity() *essay.Identity {
	return &essay.Identity{
		WorkID: d.WorkID, ContestID: d.ContestID, Author: d.Author.person(),
		Coauthors: mapSlice(d.Coauthors, personDoc.person), UpdatedAt: loadedTime(d.UpdatedAt),
	}
}
