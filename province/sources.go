package province

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/icpkit/icpkit/internal/tsv"
)

//go:embed data/sources.tsv
var defaultSourceData string

// DefaultSourcesFile is the name given to the embedded sources table in
// errors.
const DefaultSourcesFile = "sources.tsv"

// ErrUnknownSource is wrapped by a [DataError] for a source key that a
// [SourceTable] does not hold.
var ErrUnknownSource = errors.New("unknown source key")

// A Source is one document that rules cite: a provider's help page, a
// third-party list, an API reference. Rows and findings name sources by
// key ("TC-P-北京", "QC-henan"); [LookupSource] turns a key into the
// publisher, the title and an address a user can open.
//
// A Source is a small value; copy it freely.
type Source struct {
	Key       string // e.g. "TC-P-北京"
	Publisher string // e.g. "Tencent Cloud"
	Title     string // the document's own title, e.g. "北京管局要求"
	URL       string // a public address; empty when none is known
	Read      string // the day the project last read it, YYYY-MM-DD (a calendar date in China)
	Note      string // context: which copy was read, second addresses
}

// String returns "key: title (publisher) url".
func (s Source) String() string {
	u := s.URL
	if u == "" {
		u = "no public address"
	}
	return fmt.Sprintf("%s: %s (%s) %s", s.Key, s.Title, s.Publisher, u)
}

// A SourceTable maps source keys to [Source] values. [DefaultSources]
// returns the embedded table (province/data/sources.tsv); a panel can load
// its own with [LoadSources] or add keys with [SourceTable.Patch], as it
// does for the rule table. A SourceTable is immutable and safe for
// concurrent use.
type SourceTable struct {
	version string
	byKey   map[string]int
	rows    []Source
}

// Version returns the data version declared in the file ("#@ version ...").
func (t *SourceTable) Version() string { return t.version }

// Lookup returns the source with the given key. Surrounding spaces are
// ignored.
func (t *SourceTable) Lookup(key string) (Source, bool) {
	i, ok := t.byKey[strings.TrimSpace(key)]
	if !ok {
		return Source{}, false
	}
	return t.rows[i], true
}

// All returns every source in file order. The result is a new slice.
func (t *SourceTable) All() []Source { return slices.Clone(t.rows) }

// Resolve looks up every key of a source list such as a
// [Provenance.Source] ("TC-P-北京; HW-policy (not stated)") and returns the
// sources found and the keys that are not in the table.
func (t *SourceTable) Resolve(list string) (found []Source, missing []string) {
	for _, k := range SourceKeys(list) {
		if s, ok := t.Lookup(k); ok {
			found = append(found, s)
		} else {
			missing = append(missing, k)
		}
	}
	return found, missing
}

// SourceKeys splits a source list as rows and findings write it
// ("TC-P-北京; HW-policy (not stated), QC-henan") into its keys: entries are
// separated by ";" or ",", and a key ends at the first space or "(". Empty
// entries are dropped.
func SourceKeys(list string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ',' }) {
		part = strings.TrimSpace(part)
		if i := strings.IndexAny(part, " (\t"); i >= 0 {
			part = part[:i]
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

var defaultSources = sync.OnceValues(func() (*SourceTable, error) {
	return loadSources(DefaultSourcesFile, strings.NewReader(defaultSourceData), nil)
})

// DefaultSources returns the sources table embedded in the package. It is
// decoded once, on first use.
func DefaultSources() *SourceTable {
	t, err := defaultSources()
	if err != nil {
		panic(err) // the embedded data is checked by the package tests
	}
	return t
}

// LookupSource returns the source with the given key from
// [DefaultSources].
func LookupSource(key string) (Source, bool) { return DefaultSources().Lookup(key) }

// Sources returns every source of [DefaultSources], in file order.
func Sources() []Source { return DefaultSources().All() }

// LoadSources reads a whole sources table in the tab-separated format of
// province/data/sources.tsv: key, publisher, title, address ("-" for none),
// read date and an optional note. It reads at most 4 MiB.
func LoadSources(r io.Reader) (*SourceTable, error) { return loadSources("<input>", r, nil) }

// LoadSourcesFile is [LoadSources] reading from a file.
func LoadSourcesFile(path string) (*SourceTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return loadSources(path, f, nil)
}

// Patch returns a new table holding t's sources and those read from r; a
// row of r replaces t's row with the same key. t itself is unchanged.
func (t *SourceTable) Patch(r io.Reader) (*SourceTable, error) { return loadSources("<patch>", r, t) }

func loadSources(name string, r io.Reader, base *SourceTable) (*SourceTable, error) {
	t := &SourceTable{byKey: map[string]int{}}
	if base != nil {
		t.version = base.version
		t.rows = slices.Clone(base.rows)
		for k, v := range base.byKey {
			t.byKey[k] = v
		}
	}
	seen := map[string]bool{}
	line, err := tsv.Read(r, maxDataSize,
		func(line int, k, v string) error {
			if k != "version" {
				return &DataError{File: name, Line: line, Err: ErrDataSyntax, Detail: "unknown directive " + strconv.Quote(k)}
			}
			t.version = v
			return nil
		},
		func(line int, cols []string) error {
			s, err := parseSource(name, line, cols)
			if err != nil {
				return err
			}
			if seen[s.Key] {
				return &DataError{File: name, Line: line, Field: "key", Err: ErrDataSyntax, Detail: "duplicate key " + strconv.Quote(s.Key)}
			}
			seen[s.Key] = true
			if i, ok := t.byKey[s.Key]; ok {
				t.rows[i] = s
			} else {
				t.byKey[s.Key] = len(t.rows)
				t.rows = append(t.rows, s)
			}
			return nil
		})
	var de *DataError
	switch {
	case err == nil:
		return t, nil
	case errors.As(err, &de):
		return nil, err
	case errors.Is(err, tsv.ErrTooLarge):
		return nil, &DataError{File: name, Line: line, Err: ErrTooLarge, Detail: "limit 4 MiB"}
	default:
		return nil, &DataError{File: name, Line: line, Err: ErrDataSyntax, Detail: err.Error()}
	}
}

func parseSource(name string, line int, cols []string) (Source, error) {
	fail := func(field string, err error, detail string) (Source, error) {
		return Source{}, &DataError{File: name, Line: line, Field: field, Err: err, Detail: detail}
	}
	if len(cols) < 5 || len(cols) > 6 {
		return fail("", ErrDataSyntax, fmt.Sprintf("want 5 or 6 tab-separated columns, got %d", len(cols)))
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	s := Source{Key: cols[0], Publisher: cols[1], Title: cols[2], URL: cols[3], Read: cols[4]}
	if len(cols) == 6 {
		s.Note = cols[5]
	}
	if s.Key == "" || strings.ContainsAny(s.Key, " ;,()") {
		return fail("key", ErrBadValue, "a key is one word without ; , or brackets: "+strconv.Quote(s.Key))
	}
	if s.Publisher == "" || s.Title == "" {
		return fail("title", ErrMissingSource, "every source names its publisher and title")
	}
	if s.URL == "-" {
		s.URL = ""
	} else if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fail("url", ErrBadValue, "not an http(s) address: "+strconv.Quote(s.URL))
	}
	if _, err := time.Parse(time.DateOnly, s.Read); err != nil {
		return fail("read", ErrBadValue, "read date: "+err.Error())
	}
	return s, nil
}

// CheckSources reports every row of t whose source keys are not all in s:
// nil when all resolve, else the [*DataError]s (wrapping
// [ErrUnknownSource], naming file, line, province and field) joined with
// [errors.Join]. A panel that patches the rules with its own keys checks
// them against its patched sources table.
func (t *Table) CheckSources(s *SourceTable) error {
	var errs []error
	for _, rw := range t.rows {
		if _, missing := s.Resolve(rw.meta.Source); len(missing) > 0 {
			errs = append(errs, &DataError{File: rw.meta.File, Line: rw.meta.Line, Province: rw.meta.Scope,
				Field: fields[rw.field].name, Err: ErrUnknownSource, Detail: strings.Join(missing, ", ")})
		}
	}
	return errors.Join(errs...)
}
