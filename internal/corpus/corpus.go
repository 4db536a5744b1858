// Package corpus reads the hand-labelled corpus of real footers,
// icp/number/testdata/realworld/footers.tsv, against which the tests of
// icp/number and icp/audit measure the number reader and the audit. Its
// columns are documented in the file's header and its labelling rules in
// the README.md beside it. Only tests import this package.
package corpus

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Row is one labelled occurrence: the fragment as written and its labels.
type Row struct {
	ID, Source, Context string
	Raw                 string // the fragment, unescaped
	IsNumber            string // yes | placeholder | dummy | not_number
	Kinds, Canonical    string // comma-separated
	Link, Hidden        string
	Defects             []string
	Unsure              string // the labeller's doubt, or ""
}

// columns is the number of tab-separated columns of a row.
const columns = 11

// Read reads the corpus at path.
func Read(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []Row
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != columns {
			return nil, fmt.Errorf("corpus: %d columns, want %d: %q", len(c), columns, line)
		}
		if header {
			if c[0] != "id" {
				return nil, fmt.Errorf("corpus: header starts with %q, want id", c[0])
			}
			header = false
			continue
		}
		rows = append(rows, Row{ID: c[0], Source: c[1], Context: c[2], Raw: unescape(c[3]), IsNumber: c[4],
			Kinds: c[5], Canonical: c[6], Link: c[7], Hidden: c[8], Defects: strings.Split(c[9], ","), Unsure: c[10]})
	}
	return rows, sc.Err()
}

// unescape undoes the corpus's escapes \\ \t \r \n; a backslash before
// anything else stays as written.
func unescape(s string) string { return unescaper.Replace(s) }

var unescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\r`, "\r", `\n`, "\n")
