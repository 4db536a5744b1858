// Package tsv reads the tab-separated rule files that icpkit embeds and lets
// users override: one row per line, "#" comment lines, blank lines, and
// "#@ key value" directive lines that carry file metadata (version, verified
// date, calendar year).
//
// It is internal so that each public loader keeps its own error type; the
// reader only bounds memory and reports the line it stopped on.
package tsv

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
)

// ErrTooLarge is returned when the input exceeds the limit given to [Read].
var ErrTooLarge = errors.New("input too large")

// MaxLine is the longest line [Read] accepts.
const MaxLine = 64 << 10

// Read scans r line by line, reading at most limit bytes. A trailing "\r" is
// dropped from every line. Blank lines and lines starting with "#" are
// skipped, except that a "#@ key value" line is passed to directive (which
// may be nil to ignore directives). Every other line is split on tabs and
// passed to row. Both callbacks get the 1-based line number.
//
// Read returns the 1-based number of the line it stopped on with the error
// that stopped it: a callback's error unchanged, [ErrTooLarge], or the
// scanner's error (a line longer than [MaxLine]).
func Read(r io.Reader, limit int, directive func(line int, key, value string) error, row func(line int, cols []string) error) (line int, err error) {
	// One byte over the limit is read: N reaches 0 only for longer input.
	lr := &io.LimitedReader{R: r, N: int64(limit) + 1}
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 4<<10), MaxLine)
	for sc.Scan() {
		line++
		if lr.N == 0 {
			return line, ErrTooLarge
		}
		text := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case strings.HasPrefix(text, "#@"):
			if directive == nil {
				continue
			}
			k, v, _ := strings.Cut(strings.TrimSpace(text[2:]), " ")
			err = directive(line, k, strings.TrimSpace(v))
		case strings.TrimSpace(text) == "" || text[0] == '#':
			continue
		default:
			err = row(line, strings.Split(text, "\t"))
		}
		if err != nil {
			return line, err
		}
	}
	if err := sc.Err(); err != nil {
		return line + 1, err
	}
	if lr.N == 0 {
		return line, ErrTooLarge
	}
	return line, nil
}

// MaxData bounds what a rule-file loader reads: 4 MiB.
const MaxData = 4 << 20

// ReadVersioned reads a rule file whose only directive is "#@ version": it
// returns the version, and passes each row with between minCols and maxCols
// columns to row. Errors are prefixed with pkg and name the file and line,
// as in "domain: tlds.tsv:12: …".
func ReadVersioned(pkg, name string, r io.Reader, minCols, maxCols int, row func(cols []string) error) (version string, err error) {
	line, err := Read(r, MaxData, func(_ int, k, v string) error {
		if k != "version" {
			return fmt.Errorf("unknown directive %q", k)
		}
		version = v
		return nil
	}, func(_ int, cols []string) error {
		if len(cols) < minCols || len(cols) > maxCols {
			return fmt.Errorf("want %d to %d tab-separated columns, got %d", minCols, maxCols, len(cols))
		}
		return row(cols)
	})
	if err != nil {
		return "", fmt.Errorf("%s: %s:%d: %w", pkg, name, line, err)
	}
	return version, nil
}

// CheckStatus accepts the two statuses a rule row may carry.
func CheckStatus(s string) error {
	if s != "CONFIRMED" && s != "UNCERTAIN" {
		return fmt.Errorf("status %q is not CONFIRMED or UNCERTAIN", s)
	}
	return nil
}

// Embedded returns a function that loads data/name from fsys once, on first
// use. The embedded files are checked by their packages' tests, so a load
// error is a build defect and panics.
func Embedded[T any](fsys fs.FS, name string, load func(string, io.Reader) (T, error)) func() T {
	return sync.OnceValue(func() T {
		f, err := fsys.Open("data/" + name)
		if err != nil {
			panic(err)
		}
		defer f.Close()
		v, err := load(name, f)
		if err != nil {
			panic(err)
		}
		return v
	})
}
