package number

import (
	"errors"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindNumbers(t *testing.T) {
	type found struct {
		span   string // text[Start:End]
		number string // canonical form, or "" when err is set
		err    error
		fixes  []Fix
	}
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"a footer with both numbers", `浙ICP备2021000001号-1 | 浙公网安备33010602011771号`, []found{
			{"浙ICP备2021000001号-1", "浙ICP备2021000001号-1", nil, nil},
			{"浙公网安备33010602011771号", "浙公网安备33010602011771号", nil, nil}}},
		{"Copyright glued after one space", "京ICP备05004340号 Copyright", []found{{"京ICP备05004340号", "京ICP备05004340号", nil, nil}}},
		{"Powered by after the index", "京ICP备05004340号-1 Powered by", []found{{"京ICP备05004340号-1", "京ICP备05004340号-1", nil, nil}}},
		{"备案查询 after the index", "京ICP备05004340号-1 备案查询", []found{{"京ICP备05004340号-1", "京ICP备05004340号-1", nil, nil}}},
		{"All rights glued to the index: A is not a suffix", "京ICP备05004340号-1All rights", []found{{"京ICP备05004340号-1", "京ICP备05004340号-1", nil, nil}}},
		{"App suffix at the end", "京ICP备05004340号-2A", []found{{"京ICP备05004340号-2A", "京ICP备05004340号-2A", nil, nil}}},
		{"lower-case service letter", "京ICP备05004340号-1a", []found{{"京ICP备05004340号-1a", "京ICP备05004340号-1A", nil, []Fix{FixCase}}}},
		{"words glued after the index", "粤ICP备17055554号-6儿童摄影", []found{{"粤ICP备17055554号-6", "粤ICP备17055554号-6", nil, nil}}},
		{"two numbers glued", "沪ICP备13044278号合字B1.B2-20130004", []found{
			{"沪ICP备13044278号", "沪ICP备13044278号", nil, nil}, {"合字B1.B2-20130004", "合字B1.B2-20130004", nil, nil}}},
		{"text glued before", "©皖ICP备14048711号", []found{{"皖ICP备14048711号", "皖ICP备14048711号", nil, nil}}},
		{"label before", "ICP备案号：粤ICP备14023066号-1", []found{{"粤ICP备14023066号-1", "粤ICP备14023066号-1", nil, nil}}},
		{"label after 备", "京ICP备：14012449号", []found{{"京ICP备：14012449号", "京ICP备14012449号", nil, []Fix{FixWidth, FixLabel}}}},
		{"traditional characters", "粵ICP備12345670號", []found{{"粵ICP備12345670號", "粤ICP备12345670号", nil, []Fix{FixTraditional}}}},
		{"traditional police", "浙公網安備33010502011812号", []found{{"浙公網安備33010502011812号", "浙公网安备33010502011812号", nil, []Fix{FixTraditional}}}},
		{"IPC typo", "陕IPC备13007681号", []found{{"陕IPC备13007681号", "陕ICP备13007681号", nil, []Fix{FixIPC}}}},
		{"bracket around 备", "蜀 ICP(备)10025767号", []found{{"蜀 ICP(备)10025767号", "蜀ICP备10025767号", nil, []Fix{FixSpace, FixBracket}}}},
		{"full-width bracket", "蜀ICP（备）10025767号", []found{{"蜀ICP（备）10025767号", "蜀ICP备10025767号", nil, []Fix{FixWidth, FixBracket}}}},
		{"trailing 号 on a licence", "京B2-20171652号", []found{{"京B2-20171652号", "京B2-20171652", nil, []Fix{FixTrailingHao}}}},
		{"ICP证 before a licence", "京ICP证B2-20171701号", []found{{"京ICP证B2-20171701号", "京B2-20171701", nil, []Fix{FixLabel, FixTrailingHao}}}},
		{"号 before police digits", "京公网安备号 11010502026705", []found{
			{"京公网安备号 11010502026705", "京公网安备11010502026705号", nil, []Fix{FixSpace, FixMissingHao, FixPoliceSeparator}}}},
		{"colon before police digits", "沪公网安备：31011502002167", []found{
			{"沪公网安备：31011502002167", "沪公网安备31011502002167号", nil, []Fix{FixWidth, FixMissingHao, FixPoliceSeparator}}}},
		{"police digits under a label", "公安备案号：31010102005799", []found{
			{"公安备案号：31010102005799", "沪公网安备31010102005799号", nil, []Fix{FixWidth, FixMissingHao, FixLabel, FixPolicePrefix}}}},
		{"full-width dash", "京ICP备05004340号－10", []found{{"京ICP备05004340号－10", "京ICP备05004340号-10", nil, []Fix{FixDash}}}},
		{"zero-width joiner inside the serial", "京ICP备0500\u200d4340号", []found{{"京ICP备0500\u200d4340号", "京ICP备05004340号", nil, []Fix{FixInvisible}}}},
		{"soft hyphen inside the serial", "京ICP备0500\u00ad4340号", []found{{"京ICP备0500\u00ad4340号", "京ICP备05004340号", nil, []Fix{FixInvisible}}}},
		{"missing 备", "沪ICP11006075号", []found{{"沪ICP11006075号", "沪ICP备11006075号", nil, []Fix{FixMissingBei}}}},
		{"doubled ICP备", "晋ICP备ICP备15001663", []found{{"晋ICP备ICP备15001663", "晋ICP备15001663号", nil, []Fix{FixMissingHao, FixDoubledPrefix}}}},
		{"合字 licence", "经营许可证编号：合字B2-20170010", []found{{"合字B2-20170010", "合字B2-20170010", nil, nil}}},
		{"cross-regional licence of three classes", "增值电信业务经营许可证A2.B1.B2-20090001", []found{{"A2.B1.B2-20090001", "A2.B1.B2-20090001", nil, nil}}},
		{"licence with a province", "增值电信业务经营许可证京B2-20202418，A2.B1.B2-20202637", []found{
			{"京B2-20202418", "京B2-20202418", nil, nil}, {"A2.B1.B2-20202637", "A2.B1.B2-20202637", nil, nil}}},
		{"outdated police, 12 digits", "京公网安备：110105001242", []found{{"京公网安备：110105001242", "", ErrOutdatedPolice, []Fix{FixWidth, FixMissingHao, FixPoliceSeparator}}}},
		{"outdated police with a city abbreviation", "深公网安备：4403101910665", []found{{"深公网安备：4403101910665", "", ErrOutdatedPolice, []Fix{FixWidth, FixMissingHao, FixPoliceSeparator}}}},
		{"placeholder, partly x", "黔ICP备2022xxxxxx号-1", []found{{"黔ICP备2022xxxxxx号-1", "", ErrPlaceholder, nil}}},
		{"placeholder serial and index", "京ICP备xxxxxxxx号-x", []found{{"京ICP备xxxxxxxx号-x", "", ErrPlaceholder, nil}}},
		{"placeholder of full-width stars", "京ICP备＊＊＊＊＊＊＊＊号", []found{{"京ICP备＊＊＊＊＊＊＊＊号", "", ErrPlaceholder, []Fix{FixWidth}}}},
		{"pending word", "ICP备案号：审核中", []found{{"ICP备案号：审核中", "", ErrPlaceholder, []Fix{FixWidth, FixLabel}}}},
		{"pending word in brackets", "粵公網安備 (演示)", []found{{"粵公網安備 (演示)", "", ErrPlaceholder, []Fix{FixSpace, FixTraditional}}}},
		{"备案中 after ICP", "京ICP备案中", []found{{"京ICP备案中", "", ErrPlaceholder, []Fix{FixLabel}}}},
		{"vanity registry", "萌ICP备20257012号", []found{{"萌ICP备20257012号", "", ErrAbbreviation, nil}}},
		{"no abbreviation", "ICP备案号：20257012号", []found{{"ICP备案号：20257012号", "", ErrAbbreviation, []Fix{FixWidth, FixLabel}}}},
		{"a word before a space is no abbreviation", "保留所有权利 ICP备案号：20257012号", []found{{"ICP备案号：20257012号", "", ErrAbbreviation, []Fix{FixWidth, FixLabel}}}},
		{"a province abbreviation before a space is one", "赣 ICP 备 2021007302 号", []found{{"赣 ICP 备 2021007302 号", "赣ICP备2021007302号", nil, []Fix{FixSpace}}}},
		{"police prefix that names another province", "京公网安备31010402001073号", []found{{"京公网安备31010402001073号", "", ErrMismatch, nil}}},
		{"9-digit serial", "京ICP备：123456789号", []found{{"京ICP备：123456789号", "", ErrSerial, []Fix{FixWidth, FixLabel}}}},
		{"prose is not a number", "阿里云ICP备案服务，ICP证办理", nil},
		{"a label with no number", "ICP备案： 冀公网安备：", nil},
		{"ICP in English prose", "The ICP licence, ICPs and IPC codes", nil},
		{"B2 inside a word or a hex string", "0xB2-20090059 AB2-20090059", nil},
		{"one class, no issuer, no label: a cell reference", "见 A1-20230101 单元格", nil},
		{"one class, no issuer, after a licence label", "经营许可证：B2-20100020", []found{{"B2-20100020", "B2-20100020", nil, nil}}},
		{"one class after 黔ICP证：", "黔ICP证：B2-20140009号", []found{{"黔ICP证：B2-20140009号", "黔B2-20140009", nil, []Fix{FixLabel, FixTrailingHao}}}},
		{"ICPICP", "ICPICPICP备ICPICP", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Find(tt.text)
			require.Len(t, ms, len(tt.want), "%+v", ms)
			for i, w := range tt.want {
				m := ms[i]
				assert.Equal(t, w.span, tt.text[m.Start:m.End])
				assert.Equal(t, w.fixes, m.Fixes)
				if w.err != nil {
					assert.ErrorIs(t, m.Err, w.err)
					var ne *Error
					assert.True(t, errors.As(m.Err, &ne), "a *Error names the part")
					assert.False(t, m.Number.IsValid())
					continue
				}
				require.NoError(t, m.Err)
				assert.Equal(t, w.number, m.Number.String())
			}
		})
	}
}

// checkMatches asserts the properties every Find result has: spans
// in order, inside the text, not overlapping; a number or an error, never
// both; the number round-trips through Parse; Normalize reads
// the span alone as the same number with the same fixes.
func checkMatches(t *testing.T, text string, ms []Match) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("span [%d,%d) after %d in %d bytes", m.Start, m.End, prev, len(text))
		}
		prev = m.End
		if !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
			t.Fatalf("span [%d,%d) cuts a rune", m.Start, m.End)
		}
		if (m.Err == nil) != m.Number.IsValid() {
			t.Fatalf("match %+v: a number or an error", m)
		}
		if m.Err != nil {
			var ne *Error
			if !errors.As(m.Err, &ne) {
				t.Fatalf("error %v is not a *Error", m.Err)
			}
			continue
		}
		again, err := Parse(m.Number.String())
		if err != nil || again != m.Number {
			t.Fatalf("%q does not round-trip: %v", m.Number, err)
		}
		n, fixes, err := Normalize(text[m.Start:m.End])
		if err != nil || n != m.Number || len(fixes) != len(m.Fixes) {
			t.Fatalf("Normalize(%q) = %v %v %v; Find read %v %v", text[m.Start:m.End], n, fixes, err, m.Number, m.Fixes)
		}
	}
}

func TestFindNumbersProperties(t *testing.T) {
	for _, s := range numberSeeds {
		checkMatches(t, s, Find(s))
	}
	rows := readFooterCorpus(t)
	for _, r := range rows {
		checkMatches(t, r.Raw, Find(r.Raw))
	}
}

// linearInputs are the page shapes of the speed targets: the pathological
// "ICPICP…" text node, anchors that never complete, dense real footers and
// plain Chinese prose.
func linearInputs(size int) map[string]string {
	grow := func(unit string) string { return strings.Repeat(unit, size/len(unit)+1)[:size] }
	return map[string]string{
		"ICPICP":      grow("ICP"),
		"ICP备ICP备":    grow("ICP备"),
		"公公公":         grow("公"),
		"B2.B2.B2":    grow("B2."),
		"digits":      "京ICP备" + grow("1"),
		"footers":     grow("浙ICP备2021000001号-1 | 浙公网安备33010602011771号 | 合字B2-20170010 <br> "),
		"prose":       grow("中华人民共和国增值电信业务经营许可证，版权所有。"),
		"spaces":      grow("京 "),
		"placeholder": grow("京ICP备xxxxxxxx号-x "),
	}
}

// TestFindNumbersLinear checks that Find' time grows linearly in the
// text: one 2 MiB text must take about as long as eight 256 KiB texts of the
// same shape (a quadratic scan takes eight times as long), and 2 MiB of
// "ICPICP…" stays under 50 ms. Figures are the best of seven interleaved
// rounds (monotonic clock), to be fair to a busy machine; the other page
// shapes are measured by BenchmarkFindNumbers.
func TestFindNumbersLinear(t *testing.T) {
	if testing.Short() || raceBuild() {
		t.Skip("times Find; not in -short mode or under -race")
	}
	small, large := linearInputs(256<<10), linearInputs(2<<20)
	for _, name := range []string{"ICPICP", "ICP备ICP备", "公公公", "B2.B2.B2", "footers", "placeholder"} {
		var bestSmall, bestLarge time.Duration = -1, -1
		for range 7 {
			start := time.Now()
			for range 8 {
				sinkM = Find(small[name])
			}
			if d := time.Since(start); bestSmall < 0 || d < bestSmall {
				bestSmall = d
			}
			start = time.Now()
			sinkM = Find(large[name])
			if d := time.Since(start); bestLarge < 0 || d < bestLarge {
				bestLarge = d
			}
		}
		ratio := float64(bestLarge) / float64(max(bestSmall, 1))
		t.Logf("%s: 8 × 256 KiB %v, 2 MiB %v, ratio %.2f", name, bestSmall, bestLarge, ratio)
		assert.Less(t, ratio, 4.0, "%s: 2 MiB at once must cost about what 8 × 256 KiB cost, not 8 times as much", name)
		if name == "ICPICP" {
			assert.Less(t, bestLarge, 50*time.Millisecond, "2 MiB of ICPICP… under 50 ms")
		}
	}
}

// raceBuild reports whether the test binary was built with -race, which
// slows Find many times over.
func raceBuild() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

var sinkM []Match

// BenchmarkFindNumbers runs Find on 2 MiB pages of each shape,
// beside the floor: one loop decoding every rune of the same text.
func BenchmarkFindNumbers(b *testing.B) {
	for name, text := range linearInputs(2 << 20) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				sinkM = Find(text)
			}
		})
		b.Run(name+"/floor", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, r := range text {
					if r == 'I' || r == '公' {
						n++
					}
				}
			}
			sinkInt = n
		})
	}
}

var sinkInt int

// TestLiteralsFoldToThemselves: lit and word match their literals as
// written before folding (writtenAt), which is right only because foldAt
// returns each of their runes unchanged, with no fix.
func TestLiteralsFoldToThemselves(t *testing.T) {
	words := append([]string{"ICP备", litPolice, "公安备案", litHao}, pendingWords[:]...)
	for _, r := range "()-:.号案中备证" {
		words = append(words, string(r))
	}
	for _, w := range words {
		for i := 0; i < len(w); {
			r, n, f := foldAt(w, i)
			want, _ := utf8.DecodeRuneInString(w[i:])
			assert.Equal(t, want, r, "%q at %d", w, i)
			assert.Zero(t, f, "%q at %d", w, i)
			i += n
		}
	}
}

// TestHanLeadFolds: every character a hanLead byte starts (U+4000–U+9FFF)
// folds to a character that is not ASCII (no digit, letter, dash, space or
// placeholder) and is not dropped, which serial and lit take for granted.
func TestHanLeadFolds(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		s := string(r)
		require.True(t, hanLead(s[0]), "%U", r)
		f, n, _ := foldAt(s, 0)
		require.Equal(t, 3, n, "%U", r)
		require.GreaterOrEqual(t, f, rune(utf8.RuneSelf), "%U folds to %q", r, f)
	}
	for _, c := range []byte{0xE3, 0xEA, 0xEF, '0', ' '} {
		assert.False(t, hanLead(c), "%#x", c)
	}
}

// TestWrittenAt: one to four bytes, at the position and within the limit
// only.
func TestWrittenAt(t *testing.T) {
	for _, r := range []rune{'a', 'é', 0x7FF, 0x800, '号', '公', 0xFFFF, '😀', 0x10FFFF} {
		w := string(r)
		s := "x" + w + "y"
		n, ok := writtenAt(s, 1, len(s), r)
		assert.True(t, ok, "%U", r)
		assert.Equal(t, len(w), n, "%U", r)
		_, ok = writtenAt(s, 1, len(w), r)
		assert.False(t, ok, "%U past the limit", r)
		_, ok = writtenAt(s, 0, len(s), r)
		assert.False(t, ok, "%U elsewhere", r)
		_, ok = writtenAt(s, 1, len(s), r+1)
		assert.False(t, ok, "%U for %U", r+1, r)
	}
}

// quickPieces are the parts TestQuickAt builds texts from: the canonical
// forms quickAt reads, and the characters around them that make scanAt
// read on or read otherwise (spaces and dashes of other widths, invisible
// characters, traditional forms, letters and digits glued on).
var quickPieces = []string{
	"浙", "京", "粵", "滬", "萌", "版权所有", "䷀", "a", "A", "1", "I", "公", "ICP备", "ICP证", "IPC备", "icp备",
	"公网安备", "公網安備", "公安备案", "2021047163", "33010602011771", "11010502000001", "12345678", "0",
	"123456789012345678901234", "号", "號", "-", "－", "—", "-1", "-12", "-123456789012", "1", "２", "X", "x",
	"K", "k", "b", "*", " ", "  ", "\n", "\t", "\u3000", "\u00a0", "\u200b", "\u00ad", "\ufeff", "案", "：", ":",
	"(", ")", "备", "待备案", "中", ".", "<", "Powered by", "号-1", "\xe5", "\xff",
}

// TestQuickAt: Find with its quick path for canonical numbers returns
// what reading every candidate with scanAt returns, on texts built from
// canonical numbers and the characters that would change how they read.
func TestQuickAt(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2)) // the same texts on every run
	next := r.IntN
	texts := append([]string{}, numberSeeds...)
	for range 200_000 {
		var b strings.Builder
		for range 1 + next(12) {
			b.WriteString(quickPieces[next(len(quickPieces))])
		}
		texts = append(texts, b.String())
	}
	// Canonical numbers in context, with something after them.
	for _, n := range []string{"浙ICP备2021047163号", "浙ICP备2021047163号-1", "浙公网安备33010602011771号"} {
		for _, before := range quickPieces {
			for _, after := range quickPieces {
				texts = append(texts, before+n+after, n+after+after, before+" "+n+after)
			}
		}
	}
	quick := 0
	for _, s := range texts {
		got, want := find(s, scanQuick), find(s, 0)
		require.Equal(t, want, got, "%q", s)
		var m match
		for i := range s {
			for _, anchor := range []string{litICPBei, litPolice} {
				if quickAt(s, i, 0, anchor, &m) {
					quick++
				}
			}
		}
	}
	t.Logf("%d texts, %d numbers read by quickAt", len(texts), quick)
	assert.Greater(t, quick, 1000)
}
