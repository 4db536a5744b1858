package norm

import (
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
