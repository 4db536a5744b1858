package norm

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppend(t *testing.T) {
	tests := []struct {
		name             string
		in               string
		dropSpace, upper bool
		want             string
	}{
		{"full-width digits fold to ASCII", "１２３", false, false, "123"},
		{"full-width letters fold and upper-case", "ｉｃｐ", false, true, "ICP"},
		{"ideographic space dropped", "粤\u3000ICP 备", true, false, "粤ICP备"},
		{"em dash becomes hyphen", "a—b", false, false, "a-b"},
		{"Han kept as is", "京ICP备", false, false, "京ICP备"},
		{"tab becomes space", "a\tb", false, false, "a b"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", false, false, "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(Append(nil, tt.in, tt.dropSpace, tt.upper)))
		})
	}
}

func TestTrimSpaceAndDigits(t *testing.T) {
	assert.Equal(t, "abc", TrimSpace("\u3000 abc\u00A0"))
	assert.Equal(t, "", TrimSpace("\u3000"))
	assert.True(t, Digits("0123"))
	assert.False(t, Digits(""))
	assert.False(t, Digits("１２"), "full-width digits are not ASCII digits")
	assert.False(t, Digits("3²"))
}

// The numbers below are synthetic: the IDs pass the GB 11643 check and
// belong to nobody.
func TestMaskPersonalNumbers(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"an opener's error naming an upload by ID", "open /uploads/330106198503071238-front.jpg: no such file",
			"open /uploads/3301**********1238-front.jpg: no such file"},
		{"ID with an upper-case X", "id 11010519491231002X.", "id 1101**********002X."},
		{"ID with a lower-case x", "11010519491231002x", "1101**********002x"},
		{"ID right after letters", "ID330106198503071238", "ID3301**********1238"},
		{"15-digit first-generation ID", "old 110105491231002 card", "old 1101*******1002 card"},
		{"mobile", "call 13912345678 now", "call 139****5678 now"},
		{"mobile after +86", "+8613912345678", "+86139****5678"},
		{"mobile after +86-", "+86-13912345678", "+86-139****5678"},
		{"mobile after 0086 is a 15-digit run", "008613912345678", "0086*******5678"},
		{"two numbers in one text", "13912345678/330106198503071238", "139****5678/3301**********1238"},
		{"Han text around", "身份证330106198503071238无效", "身份证3301**********1238无效"},
		{"invalid UTF-8 kept", "\xff13912345678\xfe", "\xff139****5678\xfe"},
		{"11 digits not starting with 1 kept", "23912345678", "23912345678"},
		{"13-digit millisecond timestamp kept", "upload-1732924800123.jpg", "upload-1732924800123.jpg"},
		{"12 digits kept", "139123456789", "139123456789"},
		{"19 digits: an ID with a digit glued on", "3301061985030712381", "3301***********2381"},
		{"16-digit card number", "card 6222021234567890", "card 6222********7890"},
		{"14 digits kept", "order 20261130123456", "order 20261130123456"},
		{"17 digits and a letter other than X: a long run", "33010619850307123Y", "3301*********7123Y"},
		{"spaced mobile kept (documented limit)", "139 1234 5678", "139 1234 5678"},
		{"empty", "", ""},
		{"no digits", "no such file or directory", "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MaskPersonalNumbers(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Len(t, got, len(tt.in), "same length in bytes")
			assert.Equal(t, got, MaskPersonalNumbers(got), "masking is idempotent")
		})
	}
}

func TestMaskPersonalNumbersAllocs(t *testing.T) {
	clean := "open /uploads/licence-2026-11-30.jpg: no such file or directory (errno 2, 1732924800123)"
	assert.Zero(t, testing.AllocsPerRun(100, func() { sink = MaskPersonalNumbers(clean) }), "nothing to mask: no allocation")
	dirty := "open /uploads/330106198503071238-front.jpg: no such file"
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sink = MaskPersonalNumbers(dirty) }), "one allocation for the result")
}

var sink string

func BenchmarkMaskPersonalNumbers(b *testing.B) {
	clean := strings.Repeat("open /uploads/licence-2026.jpg: no such file 1234567 ", 20) // about 1 KB
	dirty := strings.Repeat("open /uploads/330106198503071238-front.jpg: 13912345678 ", 20)
	for _, in := range []struct{ name, s string }{
		{"clean_1KB", clean}, {"clean_1MB", strings.Repeat(clean, 1024)},
		{"dirty_1KB", dirty}, {"dirty_1MB", strings.Repeat(dirty, 1024)},
		{"digits_1MB", strings.Repeat("1", 1<<20)},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				sink = MaskPersonalNumbers(in.s)
			}
		})
	}
}

func FuzzMaskPersonalNumbers(f *testing.F) {
	for _, s := range []string{"open /uploads/330106198503071238-front.jpg: no such file", "+8613912345678",
		"11010519491231002x", "008613912345678", "", "\xff1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := MaskPersonalNumbers(s)
		if len(got) != len(s) {
			t.Fatalf("length changed: %d → %d", len(s), len(got))
		}
		for i := range len(s) {
			if got[i] != s[i] && (got[i] != '*' || s[i] < '0' || s[i] > '9') {
				t.Fatalf("byte %d changed from %q to %q", i, s[i], got[i])
			}
		}
		if again := MaskPersonalNumbers(got); again != got {
			t.Fatalf("not idempotent: %q → %q", got, again)
		}
		if start, _, _, _ := nextPersonalNumber(got, 0); start >= 0 {
			t.Fatalf("a personal number is left at %d in %q", start, got)
		}
	})
}
