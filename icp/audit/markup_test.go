package audit

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestShortName checks that tagID reads a name the same eight bytes at a
// time (the tag inside a larger buffer) as a byte at a time (a buffer
// ending with the tag).
func TestShortName(t *testing.T) {
	alphabet := []byte("aAzZ-_09:\x00\x01\x1f\x7f\x80\xe5 \t\n\r\f/>=\"")
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 64)
	for range 100000 {
		raw := []byte("<")
		if r.Intn(2) == 0 {
			raw = append(raw, '/')
		}
		for range r.Intn(12) {
			raw = append(raw, alphabet[r.Intn(len(alphabet))])
		}
		for i := range buf {
			buf[i] = alphabet[r.Intn(len(alphabet))]
		}
		n := copy(buf, raw)
		long := buf[:n]
		exact := raw[:len(raw):len(raw)]
		id, tag, fl, end := tagID(exact)
		id2, tag2, fl2, end2 := tagID(long)
		if id != id2 || tag != tag2 || fl != fl2 || end != end2 {
			t.Fatalf("tagID(%q) = %x %v %d %d, inside a buffer %x %v %d %d", raw, id, tag, fl, end, id2, tag2, fl2, end2)
		}
	}
}

// refMayHaveAttr is mayHaveAttr a byte at a time.
func refMayHaveAttr(raw []byte, from int) (may bool, nls int) {
	for i := from; i < len(raw); i++ {
		may, nls = mayStartAttr(raw, i, may, nls)
	}
	return may, nls
}

// TestMayHaveAttr compares mayHaveAttr, which reads words, with the loop
// over bytes, on random tags inside larger buffers and at their end.
func TestMayHaveAttr(t *testing.T) {
	alphabet := []byte("hHrRiIsStToOpPx \t\n\r\f\x00\x01\x1f!=\"/>\x80\xe5")
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 64)
	for range 100000 {
		raw := []byte("<a")
		for range r.Intn(30) {
			raw = append(raw, alphabet[r.Intn(len(alphabet))])
		}
		for i := range buf {
			buf[i] = alphabet[r.Intn(len(alphabet))]
		}
		for _, s := range [][]byte{raw[:len(raw):len(raw)], buf[:copy(buf, raw)]} {
			for from := 1; from <= len(s); from++ {
				may, nls := mayHaveAttr(s, from)
				wmay, wnls := refMayHaveAttr(s, from)
				if may != wmay || nls != wnls {
					t.Fatalf("mayHaveAttr(%q, %d) = %v, %d, want %v, %d", s, from, may, nls, wmay, wnls)
				}
			}
		}
	}
}

// TestClosedBy checks that an open element recognises only end tags that
// tagID reads as its own name with '>' right after it, whatever lies
// past the end of the tag, and recognises the plain end tag of every short
// lower-case name.
func TestClosedBy(t *testing.T) {
	alphabet := []byte("aAdivDIV-_0\x00\x01\x80 \t\n/>=")
	r := rand.New(rand.NewSource(1))
	buf := make([]byte, 64)
	for range 100000 {
		raw := []byte("</")
		for range 1 + r.Intn(10) {
			raw = append(raw, alphabet[r.Intn(len(alphabet))])
		}
		if r.Intn(2) == 0 {
			raw = append(raw, '>')
		}
		for i := range buf {
			buf[i] = alphabet[r.Intn(len(alphabet))]
		}
		long := buf[:copy(buf, raw)]
		want, wtag, wfl, wend := tagID(raw)
		var open []byte
		for range r.Intn(10) {
			open = append(open, alphabet[r.Intn(len(alphabet))])
		}
		other, otag, ofl, _ := tagID([]byte("<" + string(open) + ">"))
		for _, e := range []openEl{newOpenEl(want, wtag, wfl), newOpenEl(other, otag, ofl), newOpenEl(want|1<<63, 0, 0), newOpenEl(want&^0xFF, 0, 0)} {
			for _, s := range [][]byte{raw[:len(raw):len(raw)], long} {
				// The tokenizer ends an end tag at a '>' right after its
				// name; these random tags may go on.
				if e.closedBy(s) && (want != e.id || wend >= len(s) || s[wend] != '>') {
					t.Fatalf("%x closedBy(%q), which tagID reads as %x ending at %d", e.id, s, want, wend)
				}
			}
		}
	}
	for _, name := range []string{"a", "p", "li", "div", "span", "section", "my-elem", "article"} {
		id, tag, fl, _ := tagID([]byte("<" + name + ">"))
		e := newOpenEl(id, tag, fl)
		// As in the tokenizer's buffer, what follows the tag is there
		// to read.
		for _, s := range []string{"</" + name + ">", "</" + name + ">\n<p>more text"} {
			raw := append(make([]byte, 0, 64), s...)[:len(name)+3]
			assert.True(t, e.closedBy(raw), "%s closedBy(%q)", name, raw)
		}
		assert.False(t, e.closedBy([]byte("</"+name+" >")), name)
		assert.False(t, e.closedBy([]byte("</"+name+"x>")), name)
	}
}

// TestTagCache checks that tagCache reads start tags, repeated or not, as
// tagID and readAttrs do.
func TestTagCache(t *testing.T) {
	tags := []string{`<div class="item">`, `<a href="/p/1">`, `<a href="/p/2">`, `<A HREF=x hidden>`, `<p>`,
		`<a href>`, `<a href="">`, `<div style="display:none">`, `<details open>`, "<a\nhref='y'\n>", `<a x=1 href=/z/>`}
	alphabet := []byte("adhrefstylopn =\"'/>\n")
	r := rand.New(rand.NewSource(1))
	var c tagCache
	buf := make([]byte, 0, 4096)
	for range 100000 {
		var raw []byte
		if r.Intn(4) == 0 {
			raw = []byte("<a")
			for range r.Intn(80) {
				raw = append(raw, alphabet[r.Intn(len(alphabet))])
			}
		} else {
			raw = []byte(tags[r.Intn(len(tags))])
		}
		// The tag inside a buffer, as the tokenizer returns it.
		off := r.Intn(64)
		buf = append(buf[:off], raw...)
		raw = buf[off:len(buf):cap(buf)]
		var want attrs
		st := c.read(raw)
		got, id, tag, fl, nls := st.at, st.el.id, st.el.tag, st.el.fl, st.nls
		wid, wtag, wfl, end := tagID(raw)
		wnls := readAttrs(&want, raw, end)
		if id != wid || tag != wtag || fl != wfl || nls != wnls || got.hidden != want.hidden || got.open != want.open ||
			(got.href == nil) != (want.href == nil) || string(got.href) != string(want.href) || st.el != newOpenEl(wid, wtag, wfl) {
			t.Fatalf("read(%q) = %x %v %d %d %+v, want %x %v %d %d %+v", raw, id, tag, fl, nls, got, wid, wtag, wfl, wnls, want)
		}
	}
}

// TestSameTag compares sameTag with bytes.Equal for every length a slot
// holds, equal and with one byte changed at each position.
func TestSameTag(t *testing.T) {
	var slot [64]byte
	for i := range slot {
		slot[i] = byte('a' + i%26)
	}
	for n := 0; n <= len(slot); n++ {
		raw := append([]byte(nil), slot[:n]...)
		assert.True(t, sameTag(&slot, raw), "equal, %d bytes", n)
		for i := range n {
			raw[i] ^= 0x20
			assert.False(t, sameTag(&slot, raw), "%d bytes, byte %d changed", n, i)
			raw[i] ^= 0x20
		}
	}
}
