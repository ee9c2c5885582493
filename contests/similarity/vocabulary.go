package similarity

import (
	"math/rand/v2"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// The synthetic vocabulary: Vietnamese is written one syllable per word, so
// syllables built from real onsets, rhymes and tones give text whose
// byte-level shape (length, share of precomposed letters, NFC) is close to
// real essays.
var (
	onsets = strings.Fields("_ b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x")
	rhymes = strings.Fields(`a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eo
		ê êm ên ênh êu i im in inh iu iêm iên iêu o oa oai oan oang oanh oi om on ong ô ôi ôm ôn
		ông ơ ơi ơm ơn u ui um un ung uy uyên uân ư ưa ưng ươi ương ươu uôi uôn uông
		at ac ach ăc ăt âc ât ep et êt êch ich it ip oc ot ôc ôt ơt uc ut ưc ươc ươt iêt uôc`)
)

// Combining tone marks: level (none), grave, acute, hook, tilde, dot below.
var tones = []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}

// stockPhrases are formulas nearly every essay on Party building uses. They
// make shingles shared by thousands of unrelated works, the case that
// MaxDocFreq exists for.
var stockPhrases = []string{
	"Đảng Cộng sản Việt Nam",
	"chủ nghĩa Mác - Lê-nin, tư tưởng Hồ Chí Minh",
	"Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
	"bảo vệ nền tảng tư tưởng của Đảng",
	"đấu tranh phản bác các quan điểm sai trái, thù địch",
	"xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
	"học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"cán bộ, đảng viên và nhân dân",
	"dân giàu, nước mạnh, dân chủ, công bằng, văn minh",
	"sự nghiệp đổi mới, công nghiệp hóa, hiện đại hóa đất nước",
	"khối đại đoàn kết toàn dân tộc",
	"Chủ tịch Hồ Chí Minh",
	"phát triển kinh tế - xã hội",
	"trong bối cảnh hiện nay",
	"các thế lực thù địch",
	"tự diễn biến, tự chuyển hóa",
	"Ban Chấp hành Trung ương",
	"Bộ Chính trị, Ban Bí thư",
}

const vocabularySize = 4000

// vocabulary is built once, from a fixed seed, so every Synthetic corpus
// speaks the same language whatever its own seed.
var vocabulary = sync.OnceValue(func() []string {
	var all []string
	for _, onset := range onsets {
		onset = strings.TrimPrefix(onset, "_")
		for _, rhyme := range rhymes {
			if !spellable(onset, rhyme) {
				continue
			}
			stop := strings.ContainsAny(rhyme[len(rhyme)-1:], "cpt") || strings.HasSuffix(rhyme, "ch")
			for t, tone := range tones {
				if stop && t != 2 && t != 5 { // a stop ending takes only sắc or nặng
					continue
				}
				all = append(all, syllable(onset, rhyme, tone))
			}
		}
	}
	r := rand.New(rand.NewPCG(0x5eed, 0xc0de))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(vocabularySize, len(all))]
})

// spellable applies the spelling rules that keep the syllables looking right.
func spellable(onset, rhyme string) bool {
	front := strings.IndexAny(rhyme, "eiêy") == 0
	switch onset {
	case "k", "gh", "ngh":
		return front
	case "c", "g", "ng":
		return !front
	case "qu":
		return !strings.HasPrefix(rhyme, "u") && !strings.HasPrefix(rhyme, "o")
	}
	return true
}

// syllable places the tone mark on the vowel that carries it and composes
// the result to NFC, as keyboards produce it.
func syllable(onset, rhyme, tone string) string {
	runes := []rune(rhyme)
	at := -1
	for i, r := range runes { // the last vowel with a modifier: ấ, ườ, uyế
		if strings.ContainsRune("ăâêôơư", r) {
			at = i
		}
	}
	if at < 0 {
		vowels := []int{}
		for i, r := range runes {
			if strings.ContainsRune("aeiouy", r) {
				vowels = append(vowels, i)
			}
		}
		switch {
		case len(vowels) == 1:
			at = vowels[0]
		case len(vowels) < len(runes) || rhyme == "oa" || rhyme == "uy": // closed rhyme, or new-style oa/uy
			at = vowels[len(vowels)-1]
		case len(vowels) == 3: // oai
			at = vowels[1]
		default:
			at = vowels[0]
		}
	}
	s := onset + string(runes[:at+1]) + tone + string(runes[at+1:])
	return norm.NFC.String(s)
}
