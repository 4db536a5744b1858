package cli

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		code int
		lang string
	}{
		{"flags before the file", []string{"-lang", "en", "app.json"}, []string{"app.json"}, -1, "en"},
		{"flags after the file", []string{"app.json", "-lang", "en"}, []string{"app.json"}, -1, "en"},
		{"flags between two files", []string{"a.json", "-lang", "en", "b.json"}, []string{"a.json", "b.json"}, -1, "en"},
		{"-h exits 0", []string{"-h"}, nil, 0, "zh"},
		{"an unknown flag exits 2", []string{"app.json", "-nope"}, nil, 2, "zh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			lang := fs.String("lang", "zh", "")
			pos, code := Parse(fs, tt.args)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.pos, pos)
			assert.Equal(t, tt.lang, *lang)
		})
	}
}

func TestSummaryPlurals(t *testing.T) {
	assert.Equal(t, "1 error, 1 warning, 1 note (x)", Summary(language.English, 1, 1, 1, "x"))
	assert.Equal(t, "2 errors, 0 warnings, 3 notes (x)", Summary(language.English, 2, 0, 3, "x"))
	assert.Equal(t, "错误 1 个，警告 0 个，提示 3 个（x）", Summary(language.SimplifiedChinese, 1, 0, 3, "x"))
}
