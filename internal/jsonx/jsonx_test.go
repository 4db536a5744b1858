package jsonx

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inner struct {
	Host string       `json:"host"`
	IPs  []netip.Addr `json:"ips"`
}

type Embedded struct {
	Kind string `json:"kind"`
}

type doc struct {
	Embedded
	Name  string   `json:"name"`
	Count int      `json:"count,omitempty"`
	Ratio float64  `json:"ratio,omitempty"`
	On    bool     `json:"on,omitempty"`
	Items []inner  `json:"items"`
	Tags  []string `json:"tags,omitempty"`
	Opt   *inner   `json:"opt,omitempty"`
}

var docSchema = NewSchema[doc](Bounds{
	{reflect.TypeFor[doc](), "items"}: Items(3),
	{reflect.TypeFor[inner](), "ips"}: Items(2),
	{reflect.TypeFor[doc](), "count"}: {Min: 0, Max: 10},
})

func TestCheck(t *testing.T) {
	tests := []struct {
		name, in, path, reason string // reason "" means accepted
	}{
		{"a full document", `{"kind":"k","name":"n","count":3,"ratio":1.5e3,"on":true,"items":[{"host":"h","ips":["1.2.3.4"]}],"tags":["a"],"opt":null}`, "", ""},
		{"white space around", " \n{ } \t", "", ""},
		{"null for a slice and a pointer", `{"items":null,"opt":null}`, "", ""},
		{"escapes in keys and strings", `{"na\u006de":"\u00e9\ud83d\ude00\n"}`, "", ""},
		{"a key in upper case", `{"NAME":"n"}`, "NAME", "unknown field"},
		{"a key with the long s", `{"itemſ":[]}`, "itemſ", "unknown field"},
		{"a key with the Kelvin sign", `{"\u212aind":"k"}`, "\u212aind", "unknown field"},
		{"an unknown key deep down", `{"items":[{},{"hosts":"h"}]}`, "items[1].hosts", "unknown field"},
		{"a duplicate key", `{"name":"a","name":"b"}`, "name", "duplicate key"},
		{"a duplicate key deep down", `{"items":[{"host":"a","host":"b"}]}`, "items[0].host", "duplicate key"},
		{"a duplicate key of an embedded field", `{"kind":"a","kind":"b"}`, "kind", "duplicate key"},
		{"a trailing brace", `{"name":"a"}}`, "", "data after the JSON value"},
		{"a second document", `{} {}`, "", "data after the JSON value"},
		{"null as the document", `null`, "", "the document is null"},
		{"null with spaces", ` null `, "", "the document is null"},
		{"an empty document", ``, "", "empty document"},
		{"white space only", " \n", "", "empty document"},
		{"invalid UTF-8", "{\"items\":[{\"host\":\"a\xffb\"}]}", "items[0].host", "invalid UTF-8"},
		{"invalid UTF-8 in a key", "{\"n\xc3\":1}", "", "invalid UTF-8"},
		{"a lone surrogate escape", `{"name":"\ud800"}`, "name", "lone surrogate"},
		{"too many items", `{"items":[{},{},{},{}]}`, "items", "more than 3 items"},
		{"too many nested items", `{"items":[{"ips":["1.2.3.4","1.2.3.5","1.2.3.6"]}]}`, "items[0].ips", "more than 2 items"},
		{"default bound", `{"tags":[` + strings.Repeat(`"a",`, DefaultMaxItems) + `"a"]}`, "tags", "more than 100 items"},
		{"a negative count", `{"count":-1}`, "count", "out of range"},
		{"a count over its bound", `{"count":11}`, "count", "out of range"},
		{"an overflowing count", `{"count":9223372036854775808}`, "count", "out of range"},
		{"a fraction for a count", `{"count":1.5}`, "count", "whole number"},
		{"null for a string", `{"name":null}`, "name", "want a string, got null"},
		{"a number for a string", `{"name":1}`, "name", "want a string, got a number"},
		{"a string for a bool", `{"on":"yes"}`, "on", "want true or false"},
		{"an array for the document", `[]`, "", "want an object, got an array"},
		{"a bad IP", `{"items":[{"ips":["1.2.3"]}]}`, "items[0].ips[0]", "ParseAddr"},
		{"the input ends early", `{"name":`, "name", "ends early"},
		{"a trailing comma", `{"name":"a",}`, "", "want a key"},
		{"a bad literal", `{"on":tru}`, "on", "want true or false"},
		{"a control character", "{\"name\":\"a\x01\"}", "name", "control character"},
		{"a bad number", `{"count":01}`, "", "want ',' or '}'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := docSchema.Check([]byte(tt.in))
			if tt.reason == "" {
				require.Nil(t, e)
				var d doc
				require.NoError(t, json.Unmarshal([]byte(tt.in), &d), "the pre-pass accepts only what encoding/json decodes")
				return
			}
			require.NotNil(t, e)
			assert.Equal(t, tt.path, e.Path, e.Reason)
			assert.Contains(t, e.Reason, tt.reason)
		})
	}
}

func TestDecode(t *testing.T) {
	var d doc
	require.Nil(t, docSchema.Decode(strings.NewReader(`{"kind":"k","name":"n","items":[{"host":"h"}]}`), &d))
	assert.Equal(t, doc{Embedded: Embedded{Kind: "k"}, Name: "n", Items: []inner{{Host: "h"}}}, d)
	e := docSchema.Decode(strings.NewReader(strings.Repeat(" ", MaxBytes+1)), &d)
	require.NotNil(t, e)
	assert.Contains(t, e.Reason, "larger than")
}

// FuzzCheck holds the pre-pass to its promise: what it accepts,
// encoding/json decodes; it never panics.
func FuzzCheck(f *testing.F) {
	f.Add(`{"kind":"k","name":"n","count":3,"items":[{"host":"h","ips":["1.2.3.4"]}]}`)
	f.Add(`{"name":"\u00e9"}`)
	f.Add(`{"name":"a","name":"b"}`)
	f.Fuzz(func(t *testing.T, s string) {
		if docSchema.Check([]byte(s)) != nil {
			return
		}
		var d doc
		if err := json.Unmarshal([]byte(s), &d); err != nil {
			t.Fatalf("accepted %q, which encoding/json refuses: %v", s, err)
		}
	})
}

// raw holds a value decoded by its own UnmarshalJSON, which the pre-pass
// only skips over, checking syntax and duplicate keys.
type raw struct {
	X json.RawMessage `json:"x"`
}

// TestSkipLongObjectLinear: duplicate keys in a long object of a skipped
// value are found without comparing every pair of keys.
func TestSkipLongObjectLinear(t *testing.T) {
	s := NewSchema[raw](Bounds{})
	var b strings.Builder
	b.WriteString(`{"x":{`)
	const n = 200_000
	for i := range n {
		fmt.Fprintf(&b, `"k%d":0,`, i)
	}
	b.WriteString(`"k7":1}}`)
	var r raw
	e := s.Decode(strings.NewReader(b.String()), &r)
	require.NotNil(t, e)
	assert.Contains(t, e.Reason, "duplicate key")
	assert.Equal(t, "x.k7", e.Path)
}
