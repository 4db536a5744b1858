package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:       "plain",
		`a\nb\tc\r`:   "a\nb\tc\r",
		`back\\slash`: `back\slash`,
		`\\n`:         `\n`, // an escaped backslash, then n
		`odd\x`:       `odd\x`,
	} {
		assert.Equal(t, want, unescape(in), in)
	}
}

func TestRead(t *testing.T) {
	rows, err := Read(filepath.Join("..", "..", "icp", "number", "testdata", "realworld", "footers.tsv"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(rows), 150, "the issue asks for at least 150 real footers")
	assert.Equal(t, "f001", rows[0].ID)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	require.NoError(t, os.WriteFile(bad, []byte("id\tonly two\n"), 0o600))
	_, err = Read(bad)
	assert.ErrorContains(t, err, "columns")
}
