package audit

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/opt"
)

// DefaultLimit is how many bytes of a page [AuditFooter] reads unless
// told otherwise: 2 MiB. Footers sit at the end of a page, so a page cut
// there reports audit.truncated, and a number not seen in the part read is
// reported as not seen rather than missing.
const DefaultLimit = 2 << 20

// maxAuditNumbers bounds the numbers an audit collects: a footer holds a
// handful, and a page full of numbers is not a footer.
const maxAuditNumbers = 100

// Limit sets how many bytes of the page [AuditFooter] reads (at least
// 1 KiB).
func Limit(n int64) icp.Option {
	return func(c *opt.Config) { c.AuditLimit = max(n, 1024) }
}

// bottomBytes: a number within the last 4 KiB of a page is at its bottom,
// whatever the page's length.
const bottomBytes = 4 << 10

// Tail sets the share of the page, in percent from the end, in which the
// number counts as "at the bottom" (default 40); the last 4 KiB always
// count.
func Tail(percent int) icp.Option {
	return func(c *opt.Config) { c.AuditTail = min(max(percent, 1), 100) }
}

// seen is one number, or one stretch of number-like text, found in the
// page's visible text.
type seen struct {
	n      icp.Number
	fixes  []icp.Fix
	text   string // as written, clipped
	line   int
	offset int64
	href   string // the raw href of the enclosing link, entities undecoded
	hidden string // why a reader does not see it; "" when shown
	double bool
	raw    bool     // inside a raw-text element: its markup, links included, is not read
	junk   junkKind // for text that is not a valid number
	why    error    // the parse error of unreadable text
}

// AuditFooter reads an HTML page and reports how its footer compares with
// want, the way a reviewer reading the page in a browser would:
//
//   - the expected ICP number missing (or, on a page longer than the
//     limit, not seen in the part read), another subject's number shown
//     instead, or an ICP证 shown without the 备案号; a site number of the
//     expected subject is never an error, and the bare subject number is a
//     warning unless the province's rules ask for it (see
//     [icp.Footer.Shown]);
//   - the number hidden (display:none, visibility:hidden, the hidden
//     attribute, inside <template>, a closed <details>, <noscript>,
//     <title>, <textarea> or <iframe>), or not in the last part of the
//     page;
//   - the number not linked to https://beian.miit.gov.cn/, linked
//     elsewhere, or through a legacy address (miitbeian, miibeian, plain
//     http); relative links are read against <base href>;
//   - the 公网安备 number missing, unlinked, or linked to the legacy portal
//     www.beian.gov.cn;
//   - spellings: full-width letters, Unicode dashes, spaces, a doubled 号
//     (each with its fix), placeholders, vanity prefixes, old-format
//     public-security numbers and number-like text that does not parse
//     (with the reason).
//
// Text is read as a browser shows it: entities decoded, a number split by
// inline tags (<span>, <b>, <a> …) joined, zero-width characters and soft
// hyphens dropped, and pages in GBK, GB18030, Big5 or UTF-16 decoded from
// their byte-order mark or <meta charset> (golang.org/x/net/html/charset).
// Prose such as 阿里云ICP备案 is not a number.
//
// The page is tokenised as a stream with golang.org/x/net/html and read up
// to [DefaultLimit] bytes (see [Limit]) in time linear in its length.
// Findings carry the page line in [icp.Finding.Line]. The error is non-nil
// only when reading fails.
func AuditFooter(page io.Reader, want icp.Footer, opts ...icp.Option) (icp.Report, error) {
	cfg := opt.Apply(opts)
	if cfg.AuditLimit == 0 {
		cfg.AuditLimit = DefaultLimit
	}
	if cfg.AuditTail == 0 {
		cfg.AuditTail = 40
	}
	// One byte over the limit is read to tell a page of exactly the limit
	// from a longer one: N reaches 0 only for the longer.
	w := walkers.Get().(*walker)
	defer w.release()
	lr := &w.lr
	*lr = io.LimitedReader{R: page, N: cfg.AuditLimit + 1}
	r, decoded, err := decodedReader(&w.br, lr)
	if err != nil {
		return icp.Report{}, err
	}
	w.reset(html.NewTokenizer(r))
	if decoded {
		// Decoding GBK or UTF-16 at most doubles the bytes (2 → 3, 2 → 3 or
		// 4 → 4). A UTF-8 page needs no bound: the tokenizer's buffer never
		// holds more than the limit read, and checking the bound costs a
		// compare on every byte the tokenizer reads.
		w.z.SetMaxBuf(2*int(cfg.AuditLimit) + 4096)
	}
	if err := w.run(); err != nil {
		return icp.Report{}, err
	}
	if lr.N == 0 { // the page goes on past the limit
		w.truncated = true
	}
	fd := finder{lang: cfg.Lang}
	a := auditor{fd: &fd, want: want, found: w.found, total: w.pos, tail: cfg.AuditTail,
		truncated: w.truncated, limit: cfg.AuditLimit, base: w.base}
	a.numbers()
	a.icp()
	a.police()
	if w.truncated {
		fd.add("audit.truncated", icp.SeverityInfo, "icpkit input bound", "limit", strconv.FormatInt(cfg.AuditLimit, 10))
	}
	if w.tooMany {
		fd.add("audit.too_many_numbers", icp.SeverityWarning, "icpkit input bound", "max", strconv.Itoa(maxAuditNumbers))
	}
	return fd.report(), nil
}

// decodedReader returns the page as UTF-8 (see charset.go), read through
// br, and whether it is decoded from another encoding.
func decodedReader(br *bufio.Reader, r io.Reader) (io.Reader, bool, error) {
	if br.Size() != headSize {
		*br = *bufio.NewReaderSize(r, headSize)
	} else {
		br.Reset(r)
	}
	head, err := br.Peek(headSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		if len(head) == 0 {
			return nil, false, err
		}
	}
	if dec := pageDecoder(head); dec != nil {
		return dec(br), true, nil
	}
	return br, false, nil
}

// headSize is the head of a page read for its character set, as a browser's
// prescan reads it.
const headSize = 1024

// walkers keeps walkers, with their buffers and tag caches, between audits:
// a page costs no allocation for them once its sizes have been met.
var walkers = sync.Pool{New: func() any { return new(walker) }}

// Bounds on the buffers a pooled walker keeps; larger ones are dropped.
const (
	keepText = 64 << 10
	keepSegs = 1024
)

// reset prepares a walker, new or pooled, to read a page with z. It keeps
// the capacity of its buffers and its tag cache, which stays valid: it is
// keyed by the bytes of the tags.
func (w *walker) reset(z *html.Tokenizer) {
	w.z, w.line, w.pos = z, 1, 0
	w.stack, w.overflow, w.marks = w.stack[:0], 0, w.marks[:0]
	w.aDepth, w.hrefs, w.hrefRun, w.base = 0, w.hrefs[:0], w.hrefRun[:0], ""
	w.text, w.segs, w.anchors = w.text[:0], w.segs[:0], false
	w.ver, w.found, w.tooMany, w.truncated = 0, w.found[:0], false, false
}

// release returns w to the pool without its references to the page: the
// numbers found, the reasons for hiding, the tokenizer and the readers.
func (w *walker) release() {
	clear(w.found[:cap(w.found)])
	clear(w.segs[:cap(w.segs)])
	clear(w.marks[:cap(w.marks)])
	if cap(w.text) > keepText {
		w.text = nil
	}
	if cap(w.hrefs) > keepText { // an href may be as long as the page
		w.hrefs = nil
	}
	if cap(w.hrefRun) > keepText {
		w.hrefRun = nil
	}
	if cap(w.segs) > keepSegs {
		w.segs = nil
	}
	w.z, w.base, w.lr = nil, "", io.LimitedReader{}
	w.br.Reset(nil)
	walkers.Put(w)
}

// maxMarks bounds the hidden-state marks kept: a hidden element hides all
// it holds, so a mark is pushed only while the text is visible, and only a
// <summary> in a closed <details> makes it visible again.
const maxMarks = 64

// maxStack bounds the open elements remembered by name; deeper nesting is
// only counted, so memory stays bounded on any page.
const maxStack = 1024

// endSearch bounds how far an end tag looks up the stack for its element,
// so that stray end tags on a deep page cost constant time.
const endSearch = 128

// mark is a change of visibility at a depth of the element tree.
type mark struct {
	depth  int
	how    string // "" when the element makes its content visible again
	detail bool   // a closed <details>: its <summary> child is shown
}

// segment is the part of a text run that one text token contributed.
type segment struct {
	at     int    // offset in walker.text
	line   int    // page line of its first byte
	pos    int64  // page offset of the token
	hrefAt int32  // offset in walker.hrefRun, -1 when not in a link
	hrefN  int32  // length of the href
	hidden string // why it is not shown
	raw    bool   // the content of a raw-text element
	ver    uint32 // walker.ver when it started
}

// walker streams the page's tokens, keeping only what the audit needs: the
// depth of the element tree, the visibility marks, the current link, and
// the text of the current run of inline content.
type walker struct {
	z    *html.Tokenizer
	lr   io.LimitedReader // the page, read up to the limit
	br   bufio.Reader     // the page's head, for its character set
	line int
	pos  int64

	stack    []openEl // open elements, with their name ids (see tagID)
	overflow int      // open elements deeper than maxStack
	marks    []mark

	aDepth  int    // depth of the open <a>; 0 when none, negative without href
	hrefs   []byte // the open <a>'s href (raw)
	hrefRun []byte // the hrefs of the current run's segments
	base    string // <base href>

	text    []byte
	segs    []segment
	anchors bool // the run holds a byte that may start a number

	tags tagCache // the start tags read last
	ver  uint32   // counts changes of the link or the visibility

	found     []seen
	tooMany   bool
	truncated bool
}

func (w *walker) depth() int { return len(w.stack) + w.overflow }

func (w *walker) hiddenHow() string {
	if n := len(w.marks); n > 0 {
		return w.marks[n-1].how
	}
	return ""
}

func (w *walker) run() error {
	z := w.z
	var rawSkip atom.Atom // the raw-text element whose content comes next
	for {
		tt := z.Next()
		raw := z.Raw()
		// Newlines are counted in the pass each kind of token needs anyway.
		startLine, startPos := w.line, w.pos
		w.pos += int64(len(raw))
		switch tt {
		case html.ErrorToken:
			w.flush()
			if err := z.Err(); err != io.EOF {
				if err == html.ErrBufferExceeded {
					w.truncated = true
					return nil
				}
				return err
			}
			return nil
		case html.TextToken:
			if rawSkip != 0 {
				w.line += countNL(raw)
				if rawSkip != atom.Script && rawSkip != atom.Style { // never shown: not decoded
					w.rawText(rawSkip, z.Text(), startLine, startPos)
				}
				continue
			}
			if len(w.text) == 0 {
				if n, ok := blank(raw); ok {
					w.line += n // white space between blocks: nothing to join
					continue
				}
			}
			w.line += w.addRaw(raw, startLine, startPos)
		case html.StartTagToken, html.SelfClosingTagToken:
			st := w.tags.read(raw)
			w.line += st.nls
			tag, fl := st.el.tag, st.el.fl
			rawSkip = 0
			if fl&flSpecial != 0 {
				switch tag {
				case atom.Br:
					w.addText(space, startLine, startPos) // a line break: white space
					continue
				case atom.Wbr:
					continue
				default: // <script>, <style>, <title> …
					if tt == html.StartTagToken {
						rawSkip = tag // the tokenizer returns their content as one text token
					}
				}
			}
			if fl&flInline == 0 {
				w.endRun()
			}
			if n := len(w.stack); onlyCounted(tt, st) && n < cap(w.stack) && n < maxStack && (n == 0 || !w.stack[n-1].ends) {
				// startTag's usual case, without the call: push.
				w.stack = w.stack[:n+1]
				w.stack[n] = st.el
				continue
			}
			w.startTag(tt, st)
		case html.EndTagToken:
			rawSkip = 0
			if n := len(w.stack); n > 0 && w.overflow == 0 && w.stack[n-1].closedBy(raw) {
				// The usual end tag, of the innermost open element:
				// no newline, and not <br> (which is never open).
				if w.stack[n-1].fl&flInline == 0 {
					w.endRun()
				}
				if w.keeps(n - 1) {
					w.stack = w.stack[:n-1] // popTo's usual case, without the call
				} else {
					w.popTo(n - 1)
				}
				continue
			}
			id, tag, fl, end := tagID(raw)
			for _, c := range raw[end:] {
				if c == '\n' {
					w.line++
				}
			}
			if tag == atom.Br {
				w.addText(space, startLine, startPos)
				continue
			}
			if fl&flInline == 0 {
				w.endRun()
			}
			w.endTag(id)
		default:
			w.line += countNL(raw)
		}
	}
}

var (
	nl    = []byte{'\n'}
	space = []byte{' '}
)

// onlyCounted reports whether the start tag opens an element the walker
// only counts, for which startTag does nothing but push it (unless it
// ends the open element): no link or other element treated apart, no
// hiding, not void or self-closing.
func onlyCounted(tt html.TokenType, st *startInfo) bool {
	return st.el.tag == 0 && st.el.fl&flVoid == 0 && tt == html.StartTagToken && st.at.hidden == ""
}

func (w *walker) startTag(tt html.TokenType, st *startInfo) {
	at, tag, fl := &st.at, st.el.tag, st.el.fl
	if tag == atom.Base && at.href != nil && w.base == "" {
		w.base = string(at.href)
	}
	if tt == html.SelfClosingTagToken || fl&flVoid != 0 {
		return
	}
	if n := len(w.stack); n > 0 && w.stack[n-1].ends {
		w.impliedEnd(st.el.id, tag, fl)
	}
	if n := len(w.stack); n < maxStack {
		// Copied in place, not through a temporary (see segment).
		if n == cap(w.stack) {
			w.stack = slices.Grow(w.stack, 1)
		}
		w.stack = w.stack[:n+1]
		w.stack[n] = st.el
	} else {
		w.overflow++
	}
	d := w.depth()
	how := at.hidden
	if tag != 0 { // the elements the walker treats apart
		switch tag {
		case atom.A:
			// An <a> inside an <a> closes the first (HTML's adoption agency).
			w.ver++
			w.aDepth = d
			w.hrefs = append(w.hrefs[:0], at.href...)
			if at.href == nil {
				w.aDepth = -d // an <a> without href is not a link
			}
		case atom.Template:
			how = "<template>"
		case atom.Details:
			if !at.open {
				how = "<details>"
			}
		case atom.Summary:
			if n := len(w.marks); n > 0 && n < maxMarks-1 && w.marks[n-1].detail && w.marks[n-1].depth == d-1 {
				w.marks = append(w.marks, mark{depth: d})
				w.ver++
			}
			return
		}
	}
	if how != "" && w.hiddenHow() == "" && len(w.marks) < maxMarks {
		w.marks = append(w.marks, mark{depth: d, how: how, detail: tag == atom.Details && how == "<details>"})
		w.ver++
	}
}

// Names whose end tag HTML implies when a sibling starts (<p>, <li> …).
var (
	idP, idLi, idDt, idDd = packName("p"), packName("li"), packName("dt"), packName("dd")
	idTr, idTd, idTh      = packName("tr"), packName("td"), packName("th")
	idOption              = packName("option")
)

// impliedEnd closes the element a start tag ends in HTML without an end
// tag: an open <p> before any block, <li> before <li>, a cell before a
// cell or row, and so on, as the tree builder does for pages that leave
// them open. Without it, depth would grow on every such page and an end
// tag would no longer find its element.
func (w *walker) impliedEnd(id uint64, tag atom.Atom, fl uint8) {
	if w.overflow > 0 || len(w.stack) == 0 || !w.stack[len(w.stack)-1].ends ||
		tag != 0 && tag != atom.Details && tag != atom.Summary {
		return // <script>, <template> … do not end a <p>
	}
	top := w.stack[len(w.stack)-1].id
	switch {
	case fl&flInline == 0 && top == idP,
		id == idLi && top == idLi,
		(id == idDt || id == idDd) && (top == idDt || top == idDd),
		(id == idTd || id == idTh || id == idTr) && (top == idTd || top == idTh),
		id == idOption && top == idOption:
		w.popTo(len(w.stack) - 1)
		if id == idTr && len(w.stack) > 0 && w.stack[len(w.stack)-1].id == idTr {
			w.popTo(len(w.stack) - 1)
		}
	case id == idTr && top == idTr:
		w.popTo(len(w.stack) - 1)
	}
}

func (w *walker) endTag(id uint64) {
	// Pop to the nearest open element of that name, if it is near enough.
	if w.overflow > 0 {
		w.overflow--
		w.popTo(len(w.stack))
		return
	}
	lo := max(len(w.stack)-endSearch, 0)
	i := len(w.stack) - 1
	for ; i >= lo && w.stack[i].id != id; i-- {
	}
	if i < lo {
		return // a stray end tag
	}
	w.popTo(i)
}

// keeps reports whether no mark and no link ends at depth d or above it,
// so that popping to d (with nothing counted beyond maxStack) only shortens
// the stack.
func (w *walker) keeps(d int) bool {
	return (len(w.marks) == 0 || w.marks[len(w.marks)-1].depth <= d) && w.aDepth <= d && -w.aDepth <= d
}

// popTo closes the open elements above stack height n (and any counted
// beyond maxStack have been closed already), dropping their marks and link.
func (w *walker) popTo(n int) {
	w.stack = w.stack[:n]
	d := w.depth()
	for n := len(w.marks); n > 0 && w.marks[n-1].depth > d; n-- {
		w.marks = w.marks[:n-1]
		w.ver++
	}
	if w.aDepth > d || -w.aDepth > d {
		w.aDepth = 0
		w.hrefs = w.hrefs[:0]
		w.ver++
	}
}

// addText appends visible text to the current run, dropping the characters
// a browser does not show (zero-width spaces and joiners, soft hyphens,
// byte-order marks).
func (w *walker) addText(t []byte, line int, pos int64) {
	if len(t) == 0 {
		return
	}
	w.segment(line, pos)
	var a bool
	w.text, a = appendVisible(w.text, t)
	w.afterText(a)
}

// addRaw is addText for a text token read from its raw bytes, decoded by
// the tokenizer only when it holds an entity, a CR or a NUL.
func (w *walker) addRaw(raw []byte, line int, pos int64) int {
	if k := len(w.segs); k == 0 || w.segs[k-1].line != line || w.segs[k-1].ver != w.ver {
		w.segment(line, pos)
	}
	text, a, n, dec := appendText(w.text, raw, true)
	if dec {
		n = countNL(raw)
		text, a = appendVisible(w.text, w.z.Text())
	}
	w.text = text
	w.afterText(a)
	return n
}

// segment starts a new segment for text on line at pos unless the last
// one continues.
func (w *walker) segment(line int, pos int64) {
	if k := len(w.segs); k > 0 && w.segs[k-1].line == line && w.segs[k-1].ver == w.ver {
		return // same line, same link, same visibility
	}
	// The fields are stored in place: a segment built on the stack and
	// copied in is read back in 16-byte loads across its narrower
	// stores, which the processor cannot forward (a stall per text token).
	if len(w.segs) == 0 {
		w.hrefRun = w.hrefRun[:0] // endRun leaves the last run's
	}
	if len(w.segs) == cap(w.segs) {
		w.segs = slices.Grow(w.segs, 1)
	}
	w.segs = w.segs[:len(w.segs)+1]
	s := &w.segs[len(w.segs)-1]
	s.at, s.line, s.pos, s.hrefAt, s.hrefN = len(w.text), line, pos, -1, 0
	s.hidden, s.raw, s.ver = w.hiddenHow(), false, w.ver
	if w.aDepth > 0 {
		s.hrefAt, s.hrefN = int32(len(w.hrefRun)), int32(len(w.hrefs))
		w.hrefRun = append(w.hrefRun, w.hrefs...)
	}
}

// afterText notes whether the run may hold a number, and scans a run that
// grew long, so that memory stays bounded.
func (w *walker) afterText(anchors bool) {
	w.anchors = w.anchors || anchors
	if len(w.text) > 64<<10 || len(w.segs) > 4096 {
		w.flush()
	}
}

// rawText handles the content of <title>, <textarea>, <iframe>,
// <noscript>, <noembed> and <noframes> (not shown as page text); that of
// <script> and <style>, never shown, is skipped.
func (w *walker) rawText(tag atom.Atom, t []byte, line int, pos int64) {
	var how string
	switch tag {
	case atom.Title:
		how = "<title>"
	case atom.Textarea:
		how = "<textarea>"
	case atom.Iframe:
		how = "<iframe>"
	case atom.Noscript:
		how = "<noscript>"
	default:
		how = "<" + tag.String() + ">"
	}
	w.flush()
	w.segs = append(w.segs, segment{line: line, pos: pos, hrefAt: -1, hidden: how, raw: true})
	w.text, w.anchors = appendVisible(w.text, t)
	w.flush()
}

// endRun ends the current text run at a block boundary: it flushes a run
// that may hold a number and drops any other.
func (w *walker) endRun() {
	if w.anchors {
		w.flush()
		return
	}
	// Nearly every run: nothing to read. (A run's first segment resets
	// hrefRun.)
	w.text, w.segs = w.text[:0], w.segs[:0]
}

// flush reads the numbers of the current text run with [icp.FindNumbers]
// and places each on the page: line, offset, link and visibility of the
// segment where it starts.
func (w *walker) flush() {
	if w.anchors && !w.tooMany {
		text := string(w.text)
		for _, m := range icp.FindNumbers(text) {
			if len(w.found) >= maxAuditNumbers {
				w.tooMany = true
				break
			}
			s := fromMatch(text, m)
			if !s.valid() {
				continue
			}
			k := w.segmentAt(m.Start)
			sg := w.segs[k]
			s.line = sg.line + bytes.Count(w.text[sg.at:m.Start], nl)
			s.offset = sg.pos
			s.hidden, s.raw = sg.hidden, sg.raw
			if sg.hrefAt >= 0 {
				s.href = string(w.hrefRun[sg.hrefAt : sg.hrefAt+sg.hrefN])
			}
			w.found = append(w.found, s)
		}
	}
	w.text = w.text[:0]
	w.anchors = false
	w.segs = w.segs[:0]
	w.hrefRun = w.hrefRun[:0]
}

// segmentAt returns the index of the segment holding text offset i.
func (w *walker) segmentAt(i int) int {
	lo, hi := 0, len(w.segs)
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if w.segs[m].at <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// countNL counts the newlines of a token; most tags hold none, found by
// one IndexByte.
func countNL(raw []byte) int {
	i := bytes.IndexByte(raw, '\n')
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(raw[i+1:], nl)
}

// blank reports whether raw holds only ASCII white space, and its
// newlines.
func blank(raw []byte) (int, bool) {
	n := 0
	for _, c := range raw {
		switch c {
		case '\n':
			n++
		case ' ', '\t', '\r', '\f':
		default:
			return 0, false
		}
	}
	return n, true
}
