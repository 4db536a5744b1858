package tsv

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	in := "# comment\r\n#@ version 1.2 \r\n\r\n  \na\tb\r\n#@year 2026 X\nc\n"
	var dirs, rows []string
	line, err := Read(strings.NewReader(in), 1<<10,
		func(_ int, k, v string) error { dirs = append(dirs, k+"="+v); return nil },
		func(_ int, c []string) error { rows = append(rows, strings.Join(c, "|")); return nil })
	require.NoError(t, err)
	assert.Equal(t, 7, line, "the line count includes skipped lines")
	assert.Equal(t, []string{"version=1.2", "year=2026 X"}, dirs, "directives are trimmed and split at the first space")
	assert.Equal(t, []string{"a|b", "c"}, rows, "rows are split on tabs with the CR dropped")
}

func TestReadNilDirective(t *testing.T) {
	n := 0
	_, err := Read(strings.NewReader("#@ year 2026\nx\n"), 100, nil, func(int, []string) error { n++; return nil })
	require.NoError(t, err)
	assert.Equal(t, 1, n, "a directive is skipped, not read as a row")
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name     string
		in       string
		limit    int
		wantLine int
		want     error
	}{
		{"a row error names its line", "x\ny\nbad\n", 100, 3, stop},
		{"a directive error names its line", "#@ bad 1\n", 100, 1, stop},
		{"input over the limit", strings.Repeat("x\n", 60), 100, 1, ErrTooLarge},
		{"input exactly at the limit is read whole", strings.Repeat("x\n", 50), 100, 50, nil},
		{"input at the limit without a final newline", strings.Repeat("x\n", 49) + "xx", 100, 50, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line, err := Read(strings.NewReader(tc.in), tc.limit,
				func(_ int, k, _ string) error {
					if k == "bad" {
						return stop
					}
					return nil
				},
				func(_ int, c []string) error {
					if c[0] == "bad" {
						return stop
					}
					return nil
				})
			assert.ErrorIs(t, err, tc.want)
			if tc.want == nil {
				assert.NoError(t, err)
			}
			assert.Equal(t, tc.wantLine, line)
		})
	}
}

func TestReadLongLine(t *testing.T) {
	line, err := Read(strings.NewReader("ok\n"+strings.Repeat("x", MaxLine+1)+"\n"), 1<<20, nil, func(int, []string) error { return nil })
	assert.Error(t, err, "a line over MaxLine stops the read")
	assert.Equal(t, 2, line, "the error names the long line")
}
