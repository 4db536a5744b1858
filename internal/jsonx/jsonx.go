// Package jsonx decodes icpkit's JSON documents (applications, deployments)
// strictly, naming the JSON path of the first thing that does not fit.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Error names the JSON path (sites[0].access.ips[1]) and the reason.
type Error struct {
	Path   string
	Reason string
}

// MaxBytes bounds what Decode reads.
const MaxBytes = 32 << 20

// maxDepth bounds JSON nesting; applications are shallow.
const maxDepth = 32

// Decode reads one JSON value from r into v, strictly: unknown fields,
// wrong types, bad enum values and data after the value are errors naming
// the JSON path. Input is bounded to [MaxBytes] and 32 levels of nesting.
func Decode(r io.Reader, v any) *Error {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return &Error{Reason: "read: " + err.Error()}
	}
	if len(data) > MaxBytes {
		return &Error{Reason: fmt.Sprintf("input larger than %d bytes", MaxBytes)}
	}
	if d := jsonDepth(data); d > maxDepth {
		return &Error{Reason: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return locate(data, v, err)
	}
	if dec.More() {
		return &Error{Reason: "data after the JSON value"}
	}
	return nil
}

// jsonDepth returns the maximum nesting of arrays and objects, ignoring
// brackets inside strings.
func jsonDepth(b []byte) int {
	depth, maxD, inStr, esc := 0, 0, false, false
	for _, c := range b {
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			depth++
			maxD = max(maxD, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return maxD
}

// locate finds the JSON path of a decoding error by walking the generic
// form of the input against the Go type.
func locate(data []byte, v any, orig error) *Error {
	if errors.Is(orig, io.ErrUnexpectedEOF) || errors.Is(orig, io.EOF) {
		return &Error{Reason: "JSON syntax: the input ends early"}
	}
	var syn *json.SyntaxError
	if errors.As(orig, &syn) {
		return &Error{Reason: fmt.Sprintf("JSON syntax at byte %d: %v", syn.Offset, syn)}
	}
	var generic any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		return &Error{Reason: err.Error()}
	}
	if e := walk(generic, reflect.TypeOf(v).Elem(), ""); e != nil {
		return e
	}
	return &Error{Reason: orig.Error()}
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func walk(g any, t reflect.Type, path string) *Error {
	if g == nil {
		return nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		s, ok := g.(string)
		if !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want a string, got %s", jsonKind(g))}
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &Error{Path: path, Reason: trimPrefixErr(err.Error())}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return walk(g, t.Elem(), path)
	case reflect.Struct:
		m, ok := g.(map[string]any)
		if !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want an object, got %s", jsonKind(g))}
		}
		fields := jsonFields(t)
		keys := slices.AppendSeq(make([]string, 0, len(m)), maps.Keys(m))
		slices.Sort(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				return &Error{Path: join(path, k), Reason: "unknown field"}
			}
			if e := walk(m[k], ft, join(path, k)); e != nil {
				return e
			}
		}
		return nil
	case reflect.Slice:
		arr, ok := g.([]any)
		if !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want an array, got %s", jsonKind(g))}
		}
		for i, x := range arr {
			if e := walk(x, t.Elem(), path+"["+strconv.Itoa(i)+"]"); e != nil {
				return e
			}
		}
		return nil
	case reflect.String:
		if _, ok := g.(string); !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want a string, got %s", jsonKind(g))}
		}
	case reflect.Bool:
		if _, ok := g.(bool); !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want true or false, got %s", jsonKind(g))}
		}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint8, reflect.Uint32, reflect.Uint64, reflect.Float64:
		n, ok := g.(json.Number)
		if !ok {
			return &Error{Path: path, Reason: fmt.Sprintf("want a number, got %s", jsonKind(g))}
		}
		if err := json.Unmarshal([]byte(n), reflect.New(t).Interface()); err != nil {
			return &Error{Path: path, Reason: "number out of range"}
		}
	}
	return nil
}

func trimPrefixErr(s string) string {
	for _, p := range []string{"icp: ", "subject: ", "material: ", "province: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func jsonKind(g any) string {
	switch g.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

// jsonFields maps JSON names to field types, following embedded structs.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}
