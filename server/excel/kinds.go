package excel

import (
	"strings"

	"hoithi/contests"
)

// unitKindLabels maps what organizers write in the "Loại" column (folded,
// see contests.Fold) to the kinds the product knows. A label not listed is
// kept as written: contests.Unit accepts any non-empty kind, and an
// organizer's own word ("Trường học") is more useful than a guess.
var unitKindLabels = map[string]string{
	"tinh":                            contests.UnitProvince,
	"thanh pho":                       contests.UnitProvince, // since 1 Jul 2025 only province-level cities remain
	"tinh/thanh pho":                  contests.UnitProvince,
	"thanh pho truc thuoc trung uong": contests.UnitProvince,
	"cap tinh":                        contests.UnitProvince,
	"province":                        contests.UnitProvince,

	"phuong":            contests.UnitWard,
	"xa":                contests.UnitWard,
	"dac khu":           contests.UnitWard,
	"thi tran":          contests.UnitWard,
	"phuong/xa":         contests.UnitWard,
	"xa/phuong":         contests.UnitWard,
	"phuong/xa/dac khu": contests.UnitWard,
	"cap xa":            contests.UnitWard,
	"ward":              contests.UnitWard,
	"commune":           contests.UnitWard,

	"co so":         contests.UnitGrassroots,
	"chi bo":        contests.UnitGrassroots,
	"dang bo co so": contests.UnitGrassroots,
	"chi doan":      contests.UnitGrassroots,
	"thon":          contests.UnitGrassroots,
	"ap":            contests.UnitGrassroots,
	"ban":           contests.UnitGrassroots,
	"buon":          contests.UnitGrassroots,
	"xom":           contests.UnitGrassroots,
	"khom":          contests.UnitGrassroots,
	"to dan pho":    contests.UnitGrassroots,
	"khu pho":       contests.UnitGrassroots,
	"grassroots":    contests.UnitGrassroots,

	"huyen":     contests.UnitDistrict,
	"quan":      contests.UnitDistrict,
	"thi xa":    contests.UnitDistrict,
	"cap huyen": contests.UnitDistrict,
	"district":  contests.UnitDistrict,

	"ngoai tinh": contests.UnitOutOfProvince,
	"outside":    contests.UnitOutOfProvince,
}

// kindLabels is what exports write for each known kind; each folds back to
// the same kind through unitKindLabels, so an export re-imports unchanged.
var kindLabels = map[string]string{
	contests.UnitProvince:      "Tỉnh",
	contests.UnitWard:          "Phường/Xã",
	contests.UnitGrassroots:    "Cơ sở",
	contests.UnitDistrict:      "Huyện",
	contests.UnitOutOfProvince: "Ngoài tỉnh",
}

// UnitKind returns the kind a "Loại" label stands for: a known kind for the
// usual Vietnamese words ("Tỉnh", "Phường", "Xã", "Chi bộ", "Thôn", "Huyện",
// "Ngoài tỉnh" …, with or without accents), else the label itself cleaned of
// extra spaces. "" stays "".
func UnitKind(label string) string {
	label = cleanText(label)
	if kind, ok := unitKindLabels[kindKey(label)]; ok {
		return kind
	}
	return label
}

// kindKey folds a label and closes up spaces around slashes, so
// "Tỉnh / Thành phố" finds "tinh/thanh pho".
func kindKey(label string) string {
	return strings.NewReplacer(" /", "/", "/ ", "/").Replace(contests.Fold(label))
}

// UnitKindLabel is the Vietnamese label of a kind, the kind itself when it
// is not one the product knows.
func UnitKindLabel(kind string) string {
	if label, ok := kindLabels[kind]; ok {
		return label
	}
	return kind
}
