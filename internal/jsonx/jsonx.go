// Package jsonx decodes icpkit's JSON documents (applications, deployments)
// strictly and within bounds, naming the JSON path of the first thing that
// does not fit.
//
// encoding/json/v2 would do most of this, but Go 1.26 offers it only under
// GOEXPERIMENT=jsonv2, so jsonx runs a streaming pre-pass over the input
// before encoding/json sees it. The pre-pass walks the bytes once against a
// [Schema] built from the Go type and refuses:
//
//   - keys that are not exactly a field's JSON name (encoding/json folds
//     case and matches "ſ" to "s" and "K" to "k");
//   - a key given twice in one object, naming its path;
//   - anything but white space after the top-level value, an empty document
//     and a document that is null;
//   - invalid UTF-8 and lone surrogate escapes in strings, naming the path;
//   - a value of the wrong JSON kind, a text value its type refuses, an
//     integer outside its range (by default 0 to 2³¹−1: every integer in
//     these documents is a count);
//   - more items in an array than its bound (see [Bounds]; by default
//     [DefaultMaxItems]), counted as the items are read, before anything is
//     allocated for them;
//   - nesting deeper than 32 levels.
//
// Only when the pre-pass finds nothing does encoding/json decode the input,
// so the memory a decode takes is the input, the decoded value (bounded by
// the array bounds) and a constant.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/icpkit/icpkit/internal/norm"
)

// Error names the JSON path (sites[0].access.ips[1]) and the reason. Both
// may echo the input (an unknown key, a value a type refuses): the callers
// mask personal data in them before people see them.
type Error struct {
	Path   string
	Reason string
}

// MaxBytes bounds what Decode reads.
const MaxBytes = 32 << 20

// MaxDepth bounds JSON nesting; applications are shallow.
const MaxDepth = 32

// Budget: the pre-pass estimates what encoding/json will allocate for the
// decoded value (slice backing arrays as the runtime grows them, string
// contents, pointed-to structs) and refuses an input whose estimate passes
// BudgetFactor times its size plus BudgetFloor. With the input itself read
// (twice, from a reader that does not tell its length), a decode allocates
// at most about (BudgetFactor+2)× the input plus the floor and 1 MiB: under
// 10× for any input of a few MiB up to [MaxBytes]. Real documents cost 2–5×
// their size; a budget refusal means many empty or tiny items, such as a
// thousand sites written as {}.
const (
	BudgetFactor = 6
	BudgetFloor  = 256 << 10
)

// DefaultMaxItems bounds an array that [Bounds] does not name.
const DefaultMaxItems = 100

// Field names one struct field by its Go struct type and JSON name.
type Field struct {
	Type reflect.Type
	Name string
}

// Limit bounds a field: for an array (a Go slice) Max is the largest
// number of items; for an integer Min and Max are the range allowed.
type Limit struct {
	Min, Max int64
}

// Bounds declares the limits of the fields that do not take the defaults
// ([DefaultMaxItems] items for arrays, 0 to 2³¹−1 for integers).
type Bounds map[Field]Limit

// Items returns the bound of an array field of at most n items.
func Items(n int) Limit { return Limit{Max: int64(n)} }

// Schema is the shape of a Go type as the pre-pass checks it. Build it once
// with [NewSchema]; it is safe for concurrent use.
type Schema struct {
	root *node
	typ  reflect.Type
}

type nodeKind uint8

const (
	kindStruct nodeKind = iota
	kindSlice
	kindString
	kindText // an encoding.TextUnmarshaler, a JSON string
	kindJSON // a json.Unmarshaler: any JSON value, checked by the type
	kindBool
	kindInt
	kindUint
	kindFloat
)

type node struct {
	kind     nodeKind
	typ      reflect.Type
	nullable bool // a pointer or a slice: null decodes to nil
	// struct
	fields map[string]int
	nodes  []*node
	names  []string
	// slice
	elem     *node
	maxItems int64
	// numbers
	min, max int64
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// NewSchema builds the schema of T with the given bounds. It panics if T
// holds a type jsonx cannot check (a map, an interface, a channel): the
// schemas are built from the package's own types at start-up.
func NewSchema[T any](b Bounds) *Schema {
	t := reflect.TypeFor[T]()
	return &Schema{root: build(t, b, map[reflect.Type]*node{}), typ: t}
}

func build(t reflect.Type, b Bounds, seen map[reflect.Type]*node) *node {
	nullable := false
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		nullable = true
	}
	if n, ok := seen[t]; ok && !nullable {
		return n
	}
	n := &node{typ: t, nullable: nullable}
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(jsonUnmarshaler):
		n.kind = kindJSON
		return n
	case pt.Implements(textUnmarshaler):
		n.kind = kindText
		return n
	}
	switch t.Kind() {
	case reflect.Struct:
		n.kind = kindStruct
		seen[t] = n
		n.fields = map[string]int{}
		addFields(n, t, b, seen)
	case reflect.Slice:
		n.kind = kindSlice
		n.nullable = true
		n.elem = build(t.Elem(), b, seen)
		n.maxItems = DefaultMaxItems
	case reflect.String:
		n.kind = kindString
	case reflect.Bool:
		n.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n.kind, n.min, n.max = kindInt, 0, math.MaxInt32
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n.kind, n.min, n.max = kindUint, 0, math.MaxInt32
	case reflect.Float32, reflect.Float64:
		n.kind = kindFloat
	default:
		panic("jsonx: cannot check " + t.String())
	}
	return n
}

// addFields adds the JSON fields of struct t to n, following embedded
// structs the way encoding/json does for the types of this module (an
// outer field wins over an embedded one of the same name).
func addFields(n *node, t reflect.Type, b Bounds, seen map[reflect.Type]*node) {
	var embedded []reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			et := f.Type
			for et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				embedded = append(embedded, et)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fn := build(f.Type, b, seen)
		if lim, ok := b[Field{t, name}]; ok {
			fn = withLimit(fn, lim)
		}
		n.fields[name] = len(n.nodes)
		n.nodes = append(n.nodes, fn)
		n.names = append(n.names, name)
	}
	for _, et := range embedded {
		inner := &node{fields: map[string]int{}}
		addFields(inner, et, b, seen)
		for i, name := range inner.names {
			if _, ok := n.fields[name]; ok {
				continue
			}
			n.fields[name] = len(n.nodes)
			n.nodes = append(n.nodes, inner.nodes[i])
			n.names = append(n.names, name)
		}
	}
	if len(n.nodes) > 64 {
		panic("jsonx: more than 64 fields in " + t.String())
	}
}

func withLimit(n *node, lim Limit) *node {
	c := *n
	switch c.kind {
	case kindSlice:
		c.maxItems = lim.Max
	case kindInt, kindUint:
		c.min, c.max = lim.Min, lim.Max
	default:
		panic("jsonx: a bound on a field that is neither an array nor an integer")
	}
	return &c
}

// Decode reads one JSON document from r into v with the schema of T
// ([MaxBytes] at most). v must be a *T.
func (s *Schema) Decode(r io.Reader, v any) *Error {
	if reflect.TypeOf(v) != reflect.PointerTo(s.typ) {
		panic("jsonx: Decode into " + reflect.TypeOf(v).String() + " with a schema of " + s.typ.String())
	}
	data, err := readAll(r)
	if err != nil {
		return &Error{Reason: "read: " + norm.Clip(err.Error(), 200)}
	}
	if len(data) > MaxBytes {
		return &Error{Reason: fmt.Sprintf("input larger than %d bytes", MaxBytes)}
	}
	if e := s.Check(data); e != nil {
		return e
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The pre-pass accepts only what encoding/json decodes; this is a
		// safety net.
		return &Error{Reason: trimPrefixErr(err.Error())}
	}
	return nil
}

// readAll reads r to the end, at most MaxBytes+1 bytes, into one buffer of
// the exact size: a reader that tells its length (bytes.Reader,
// strings.Reader, bytes.Buffer) is read into it directly, any other into
// chunks of up to 1 MiB that are then copied, so that reading allocates
// about twice the input plus 1 MiB at most.
func readAll(r io.Reader) ([]byte, error) {
	lr := &io.LimitedReader{R: r, N: MaxBytes + 1}
	if l, ok := r.(interface{ Len() int }); ok && l.Len() <= MaxBytes {
		var buf bytes.Buffer
		buf.Grow(l.Len() + bytes.MinRead) // ReadFrom does not grow it
		_, err := buf.ReadFrom(lr)
		return buf.Bytes(), err
	}
	var chunks [][]byte
	total, size := 0, 4<<10
	for {
		c := make([]byte, size)
		n, err := io.ReadFull(lr, c)
		chunks = append(chunks, c[:n])
		total += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(2*size, 1<<20)
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// Check runs the pre-pass over data: nil when encoding/json may decode it.
func (s *Schema) Check(data []byte) *Error {
	sc := scanner{data: data, budget: BudgetFactor*int64(len(data)) + BudgetFloor}
	sc.spend(int64(s.typ.Size()))
	sc.ws()
	if sc.pos == len(data) {
		return &Error{Reason: "empty document"}
	}
	if bytes.HasPrefix(data[sc.pos:], []byte("null")) {
		return &Error{Reason: "the document is null"}
	}
	if e := sc.value(s.root); e != nil {
		return e
	}
	sc.ws()
	if sc.pos != len(data) {
		return &Error{Reason: fmt.Sprintf("data after the JSON value at byte %d", sc.pos)}
	}
	return nil
}

// seg is one step of a path: a key (bytes of the input, or unescaped), or
// an index.
type seg struct {
	key   []byte
	idx   int64
	isIdx bool
}

type scanner struct {
	data   []byte
	pos    int
	depth  int
	path   []seg
	cost   int64 // estimated bytes encoding/json will allocate
	budget int64
	over   bool
	texts  map[reflect.Type]encoding.TextUnmarshaler
}

// scratch returns a value of type t to check text with, one per type and
// decode, so that checking allocates nothing per value.
func (sc *scanner) scratch(t reflect.Type) encoding.TextUnmarshaler {
	if u, ok := sc.texts[t]; ok {
		return u
	}
	if sc.texts == nil {
		sc.texts = map[reflect.Type]encoding.TextUnmarshaler{}
	}
	u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
	sc.texts[t] = u
	return u
}

// spend adds n bytes to the estimate and reports whether it is within the
// budget.
func (sc *scanner) spend(n int64) bool {
	sc.cost += n
	if sc.cost > sc.budget {
		sc.over = true
	}
	return !sc.over
}

func (sc *scanner) overBudget() *Error {
	return sc.fail("decoding would take more than %d bytes (%d× the input plus %d)", sc.budget, BudgetFactor, BudgetFloor)
}

// nextCap is the capacity the runtime's growslice gives a slice of
// capacity c that needs one more element (runtime/slice.go, Go 1.20 on).
func nextCap(c int64) int64 {
	const threshold = 256
	switch {
	case c == 0:
		return 1
	case c < threshold:
		return 2 * c
	}
	return c + (c+3*threshold)/4
}

func (sc *scanner) pathString() string {
	var b strings.Builder
	for i, s := range sc.path {
		if s.isIdx {
			b.WriteByte('[')
			b.WriteString(strconv.FormatInt(s.idx, 10))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.Write(s.key)
	}
	return b.String()
}

func (sc *scanner) fail(format string, args ...any) *Error {
	return &Error{Path: norm.Clip(sc.pathString(), 200), Reason: norm.Clip(fmt.Sprintf(format, args...), 300)}
}

func (sc *scanner) ws() {
	for sc.pos < len(sc.data) {
		switch sc.data[sc.pos] {
		case ' ', '\t', '\n', '\r':
			sc.pos++
		default:
			return
		}
	}
}

func (sc *scanner) syntax(what string) *Error {
	if sc.pos >= len(sc.data) {
		return sc.fail("JSON syntax: the input ends early")
	}
	return sc.fail("JSON syntax at byte %d: %s", sc.pos, what)
}

// kindAt names the JSON kind of the value at the current position.
func (sc *scanner) kindAt() string {
	switch c := sc.data[sc.pos]; {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return "a number"
}

func want(n *node) string {
	switch n.kind {
	case kindStruct:
		return "an object"
	case kindSlice:
		return "an array"
	case kindString, kindText:
		return "a string"
	case kindBool:
		return "true or false"
	}
	return "a number"
}

// value checks the value at the current position against n.
func (sc *scanner) value(n *node) *Error {
	sc.ws()
	if sc.pos >= len(sc.data) {
		return sc.syntax("")
	}
	c := sc.data[sc.pos]
	if c == 'n' {
		if !bytes.HasPrefix(sc.data[sc.pos:], []byte("null")) {
			return sc.syntax("want null")
		}
		if !n.nullable && n.kind != kindJSON {
			return sc.fail("want %s, got null", want(n))
		}
		sc.pos += 4
		return nil
	}
	if n.nullable && n.kind != kindSlice && !sc.spend(int64(n.typ.Size())) {
		return sc.overBudget()
	}
	switch n.kind {
	case kindJSON:
		start := sc.pos
		if e := sc.skip(); e != nil {
			return e
		}
		if !sc.spend(2 * int64(sc.pos-start)) {
			return sc.overBudget()
		}
		u := reflect.New(n.typ).Interface().(json.Unmarshaler)
		if err := u.UnmarshalJSON(sc.data[start:sc.pos]); err != nil {
			return sc.fail("%s", trimPrefixErr(err.Error()))
		}
		return nil
	case kindStruct:
		if c != '{' {
			return sc.wrongKind(n)
		}
		return sc.object(n)
	case kindSlice:
		if c != '[' {
			return sc.wrongKind(n)
		}
		return sc.array(n)
	case kindString, kindText:
		if c != '"' {
			return sc.wrongKind(n)
		}
		start := sc.pos
		esc, e := sc.str()
		if e != nil {
			return e
		}
		// A string's bytes, rounded up to a size class; a text value is
		// converted to a string in the pre-pass and again in the decode
		// (netip.ParseAddr, subject.Secret's copy).
		l := int64(sc.pos - start - 2)
		cost := l + l/8 + 16
		if n.kind == kindText {
			cost = 2*cost + 16
		}
		if l > 0 && !sc.spend(cost) {
			return sc.overBudget()
		}
		if n.kind == kindText {
			raw := sc.data[start+1 : sc.pos-1]
			if esc {
				raw = unescape(raw)
			}
			if err := sc.scratch(n.typ).UnmarshalText(raw); err != nil {
				return sc.fail("%s", trimPrefixErr(err.Error()))
			}
		}
		return nil
	case kindBool:
		switch {
		case bytes.HasPrefix(sc.data[sc.pos:], []byte("true")):
			sc.pos += 4
		case bytes.HasPrefix(sc.data[sc.pos:], []byte("false")):
			sc.pos += 5
		default:
			return sc.wrongKind(n)
		}
		return nil
	default: // numbers
		if c != '-' && (c < '0' || c > '9') {
			return sc.wrongKind(n)
		}
		start := sc.pos
		isInt, e := sc.number()
		if e != nil {
			return e
		}
		lit := string(sc.data[start:sc.pos])
		switch n.kind {
		case kindFloat:
			if _, err := strconv.ParseFloat(lit, 64); err != nil {
				return sc.fail("number out of range")
			}
		default:
			if !isInt {
				return sc.fail("want a whole number, got %s", norm.Clip(lit, 40))
			}
			v, err := strconv.ParseInt(lit, 10, 64)
			if err != nil || v < n.min || v > n.max {
				return sc.fail("number out of range (%d to %d): %s", n.min, n.max, norm.Clip(lit, 40))
			}
		}
		return nil
	}
}

func (sc *scanner) wrongKind(n *node) *Error {
	return sc.fail("want %s, got %s", want(n), sc.kindAt())
}

func (sc *scanner) enter() *Error {
	sc.depth++
	if sc.depth > MaxDepth {
		return sc.fail("nesting deeper than %d levels", MaxDepth)
	}
	return nil
}

// open enters the object or array whose opening bracket is at sc.pos and
// reports whether it is empty, its closing bracket close read too.
func (sc *scanner) open(close byte) (empty bool, e *Error) {
	if e := sc.enter(); e != nil {
		return false, e
	}
	sc.pos++
	sc.ws()
	if sc.pos < len(sc.data) && sc.data[sc.pos] == close {
		sc.pos++
		sc.depth--
		return true, nil
	}
	return false, nil
}

// next ends a member of an object or array: it drops the member's path
// segment and reads the ',' before the next member, or the closing
// bracket close, reporting done.
func (sc *scanner) next(close byte) (done bool, e *Error) {
	sc.path = sc.path[:len(sc.path)-1]
	sc.ws()
	if sc.pos >= len(sc.data) {
		return false, sc.syntax("")
	}
	switch sc.data[sc.pos] {
	case ',':
		sc.pos++
		return false, nil
	case close:
		sc.pos++
		sc.depth--
		return true, nil
	}
	return false, sc.syntax("want ',' or '" + string(rune(close)) + "'")
}

// object checks an object against a struct node.
func (sc *scanner) object(n *node) *Error {
	if empty, e := sc.open('}'); empty || e != nil {
		return e
	}
	var seen uint64
	for {
		key, e := sc.key()
		if e != nil {
			return e
		}
		i, ok := n.fields[string(key)] // no allocation for a lookup
		sc.path = append(sc.path, seg{key: key})
		if !ok {
			return sc.fail("unknown field (keys are exact and case-sensitive)")
		}
		if seen&(1<<i) != 0 {
			return sc.fail("duplicate key")
		}
		seen |= 1 << i
		if e := sc.value(n.nodes[i]); e != nil {
			return e
		}
		if done, e := sc.next('}'); done || e != nil {
			return e
		}
	}
}

// key reads an object key, after any white space, and the colon after it.
func (sc *scanner) key() ([]byte, *Error) {
	sc.ws()
	if sc.pos >= len(sc.data) {
		return nil, sc.syntax("")
	}
	if sc.data[sc.pos] != '"' {
		return nil, sc.syntax("want a key")
	}
	start := sc.pos
	esc, e := sc.str()
	if e != nil {
		return nil, e
	}
	raw := sc.data[start+1 : sc.pos-1]
	key := raw
	if esc {
		key = unescape(raw)
	}
	sc.ws()
	if sc.pos >= len(sc.data) || sc.data[sc.pos] != ':' {
		return nil, sc.syntax("want ':'")
	}
	sc.pos++
	return key, nil
}

// array checks an array against a slice node, counting items as it goes.
func (sc *scanner) array(n *node) *Error {
	if empty, e := sc.open(']'); empty || e != nil {
		return e
	}
	var count, capacity int64
	size := int64(n.elem.typ.Size())
	if n.elem.nullable && n.elem.kind != kindSlice {
		size = 8 // a slice of pointers
	}
	for {
		if count >= n.maxItems {
			return sc.fail("more than %d items", n.maxItems)
		}
		if count == capacity {
			capacity = nextCap(capacity)
			if !sc.spend(capacity * size) {
				return sc.overBudget()
			}
		}
		sc.path = append(sc.path, seg{idx: count, isIdx: true})
		if e := sc.value(n.elem); e != nil {
			return e
		}
		count++
		if done, e := sc.next(']'); done || e != nil {
			return e
		}
	}
}

// skip checks any JSON value (for a json.Unmarshaler): syntax, UTF-8,
// duplicate keys and depth.
func (sc *scanner) skip() *Error {
	sc.ws()
	if sc.pos >= len(sc.data) {
		return sc.syntax("")
	}
	switch c := sc.data[sc.pos]; {
	case c == '"':
		_, e := sc.str()
		return e
	case c == '{':
		if empty, e := sc.open('}'); empty || e != nil {
			return e
		}
		var keys [][]byte
		var seen map[string]struct{}
		for {
			k, e := sc.key()
			if e != nil {
				return e
			}
			sc.path = append(sc.path, seg{key: k})
			// A short object is searched; a long one keeps a set, so that
			// the check stays linear in the object's size.
			if seen != nil {
				if _, dup := seen[string(k)]; dup {
					return sc.fail("duplicate key")
				}
				seen[string(k)] = struct{}{}
			} else {
				for _, x := range keys {
					if bytes.Equal(x, k) {
						return sc.fail("duplicate key")
					}
				}
				keys = append(keys, k)
				if len(keys) > 16 {
					seen = make(map[string]struct{}, 2*len(keys))
					for _, x := range keys {
						seen[string(x)] = struct{}{}
					}
				}
			}
			if e := sc.skip(); e != nil {
				return e
			}
			if done, e := sc.next('}'); done || e != nil {
				return e
			}
		}
	case c == '[':
		if empty, e := sc.open(']'); empty || e != nil {
			return e
		}
		for i := int64(0); ; i++ {
			sc.path = append(sc.path, seg{idx: i, isIdx: true})
			if e := sc.skip(); e != nil {
				return e
			}
			if done, e := sc.next(']'); done || e != nil {
				return e
			}
		}
	case c == 't':
		return sc.literal("true")
	case c == 'f':
		return sc.literal("false")
	case c == 'n':
		return sc.literal("null")
	default:
		_, e := sc.number()
		return e
	}
}

func (sc *scanner) literal(s string) *Error {
	if !bytes.HasPrefix(sc.data[sc.pos:], []byte(s)) {
		return sc.syntax("want " + s)
	}
	sc.pos += len(s)
	return nil
}

// number reads a JSON number and reports whether it is an integer literal.
func (sc *scanner) number() (bool, *Error) {
	d := sc.data
	i := sc.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		i = skipDigits(d, i)
	default:
		sc.pos = i
		return false, sc.syntax("want a value")
	}
	isInt := true
	if i < len(d) && d[i] == '.' {
		isInt = false
		j := i + 1
		if i = skipDigits(d, j); i == j {
			sc.pos = i
			return false, sc.syntax("want a digit after '.'")
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		isInt = false
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		j := i
		if i = skipDigits(d, j); i == j {
			sc.pos = i
			return false, sc.syntax("want a digit in the exponent")
		}
	}
	sc.pos = i
	return isInt, nil
}

// str reads a string, checking escapes and UTF-8; it reports whether the
// string holds escapes.
func (sc *scanner) str() (bool, *Error) {
	d := sc.data
	i := sc.pos + 1
	esc := false
	for {
		if i >= len(d) {
			sc.pos = i
			return esc, sc.syntax("")
		}
		c := d[i]
		switch {
		case c == '"':
			sc.pos = i + 1
			return esc, nil
		case c < 0x20:
			sc.pos = i
			return esc, sc.syntax("control character in a string")
		case c == '\\':
			esc = true
			if i+1 >= len(d) {
				sc.pos = i + 1
				return esc, sc.syntax("")
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				r, ok := hex4(d, i+2)
				if !ok {
					sc.pos = i
					return esc, sc.syntax("bad \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(0), false
					if i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok2 = hex4(d, i+2)
					}
					if !ok2 || utf16.DecodeRune(r, r2) == utf8.RuneError {
						sc.pos = i
						return esc, sc.fail("invalid UTF-8 (a lone surrogate escape)")
					}
					i += 6
				}
			default:
				sc.pos = i
				return esc, sc.syntax("bad escape")
			}
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				sc.pos = i
				return esc, sc.fail("invalid UTF-8 at byte %d", i)
			}
			i += size
		}
	}
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d[i:i+4]), 16, 32)
	return rune(v), err == nil
}

// unescape returns the text of a string's raw contents (checked by str).
func unescape(raw []byte) []byte {
	quoted := make([]byte, 0, len(raw)+2)
	quoted = append(quoted, '"')
	quoted = append(quoted, raw...)
	quoted = append(quoted, '"')
	var s string
	if err := json.Unmarshal(quoted, &s); err != nil {
		return raw
	}
	return []byte(s)
}

func trimPrefixErr(s string) string {
	for _, p := range []string{"icp: ", "subject: ", "material: ", "province: ", "json: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// skipDigits returns the offset after the ASCII digits of d from i.
func skipDigits(d []byte, i int) int {
	for i < len(d) && d[i] >= '0' && d[i] <= '9' {
		i++
	}
	return i
}
