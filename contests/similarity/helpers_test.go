package similarity

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// testWords is the vocabulary of the hand-made test texts: common Vietnamese
// words, drawn uniformly so two unrelated texts share a 5-word run with a
// probability of about one in 10^11 per pair of places.
var testWords = strings.Fields(`ánh sáng mùa xuân quê hương đất nước con người lịch sử văn hóa
	truyền thống cách mạng nhân dân đoàn kết phát triển kinh tế xã hội giáo dục khoa học
	công nghệ thanh niên phụ nữ nông thôn thành phố biển đảo chủ quyền biên giới hòa bình
	độc lập tự do hạnh phúc ấm no bình đẳng trách nhiệm niềm tin ý chí khát vọng sáng tạo
	đổi mới hội nhập bền vững môi trường sức khỏe y tế bác sĩ giáo viên học sinh sinh viên
	công nhân nông dân chiến sĩ bộ đội công an cán bộ đảng viên chi bộ thôn xóm phường xã
	huyện tỉnh trung ương nghị quyết chỉ thị kế hoạch mục tiêu nhiệm vụ giải pháp kết quả
	thành tựu hạn chế nguyên nhân bài học kinh nghiệm tấm gương điển hình tiên tiến gia đình
	làng quê dòng sông cánh đồng lúa vàng mái trường thầy cô bạn bè tuổi trẻ tương lai
	những năm tháng gian khổ hy sinh anh hùng liệt sĩ thương binh mẹ già em nhỏ trái tim
	yêu thương chia sẻ giúp đỡ vượt khó vươn lên chăm chỉ cần cù sáng suốt kiên định vững vàng`)

// randomWords draws n words of testWords.
func randomWords(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = testWords[r.IntN(len(testWords))]
	}
	return out
}

// prose renders words as text with capitals, commas, full stops and
// paragraphs, which the tokenizer must see through.
func prose(words []string) string {
	var b strings.Builder
	for i, w := range words {
		switch {
		case i == 0:
		case i%60 == 0:
			b.WriteString(".\n\n")
		case i%12 == 0:
			b.WriteString(". ")
		case i%7 == 0:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
		if i%12 == 0 {
			r, size := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[size:]
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// splice returns dst with src written over it from position at.
func splice(dst []string, at int, src []string) []string {
	out := append([]string(nil), dst...)
	copy(out[at:], src)
	return out
}

// concat joins word slices into a new one.
func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// referenceShingles is the definition of a shingle set written the slow,
// obvious way, to check the hashed implementation against.
func referenceShingles(words []string, k int) map[string]bool {
	set := map[string]bool{}
	for i := 0; i+k <= len(words); i++ {
		set[strings.ToLower(strings.Join(words[i:i+k], " "))] = true
	}
	return set
}

// referenceShared counts the shingles two word lists share.
func referenceShared(a, b []string, k int) (shared, sizeA, sizeB int) {
	sa, sb := referenceShingles(a, k), referenceShingles(b, k)
	for s := range sa {
		if sb[s] {
			shared++
		}
	}
	return shared, len(sa), len(sb)
}

// keysOf returns the word keys of a text.
func keysOf(text string) []uint64 {
	var keys []uint64
	for _, t := range tokenize(text, nil) {
		keys = append(keys, t.key)
	}
	return keys
}
