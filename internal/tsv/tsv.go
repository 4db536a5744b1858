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
	"io"
	"strings"
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
