package material

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inputs returns the ways a test hands a file to Inspect: a plain stream,
// a *bytes.Reader (seekable) and an *os.File.
func inputs(t *testing.T, data []byte) map[string]func() io.Reader {
	path := filepath.Join(t.TempDir(), "upload")
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return map[string]func() io.Reader{
		"stream": func() io.Reader { return &onlyReader{bytes.NewReader(data)} },
		"seeker": func() io.Reader { return bytes.NewReader(data) },
		"file": func() io.Reader {
			f, err := os.Open(path)
			require.NoError(t, err)
			t.Cleanup(func() { f.Close() })
			return f
		},
	}
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func randomBytes(n int, seed byte) []byte {
	b := make([]byte, n)
	_, _ = rand.NewChaCha8([32]byte{seed}).Read(b)
	return b
}

// zipWith returns a ZIP holding n random bytes, stored, with a comment.
func zipWith(n int, comment string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.CreateHeader(&zip.FileHeader{Name: "payload.bin", Method: zip.Store})
	_, _ = f.Write(randomBytes(n, 7))
	_ = w.SetComment(comment)
	_ = w.Close()
	return b.Bytes()
}

// twoScanJPEG is a greyscale 16 × 16 JPEG with two scans and the segments
// mid between them. Its scan data holds stuffed FF 00, a restart marker and
// a run of fill bytes before the EOI.
func twoScanJPEG(mid ...[]byte) []byte {
	b := []byte{0xFF, 0xD8}
	b = append(b, sof(16, 16, 1)...)
	sos := segment(0xDA, []byte{1, 1, 0, 0, 63, 0})
	b = append(b, sos...)
	b = append(b, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56)
	for _, m := range mid {
		b = append(b, m...)
	}
	b = append(b, sos...)
	b = append(b, 0x78, 0xFF, 0x00, 0x9A, 0xFF, 0xFF, 0xFF)
	return append(b, 0xFF, 0xD9)
}

func TestInspectPolyglots(t *testing.T) {
	html := cat([]byte("<!DOCTYPE html><html><body><script>fetch('/x')</script>"), bytes.Repeat([]byte("<p>padding</p>\n"), 100_000/15),
		[]byte("</body></html>"), pngChunk("IEND", nil))
	tests := []struct {
		name     string
		image    []byte
		payload  []byte
		appended string
	}{
		{"JPEG + a 448 KB JPEG", baseJPEG, encodeJPEG(noise(440, 440), 100), "jpeg"},
		{"JPEG + a 100 KB ZIP whose comment is FF D9", baseJPEG, zipWith(100_000, "\xFF\xD9"), "zip"},
		{"PNG + 100 KB of HTML ending in the IEND bytes", basePNG, html, "html"},
		{"JPEG + a 200 KB ZIP", baseJPEG, zipWith(200_000, ""), "zip"},
		{"PNG + 100 KB of random bytes", basePNG, randomBytes(100_000, 3), ""},
		{"GIF + a 300 KB ZIP", gifBytes(), zipWith(300_000, ""), "zip"},
		{"GIF + HTML", gifBytes(), []byte("<html><script>alert(1)</script></html>"), "html"},
		{"PNG + a PNG", basePNG, grayPNG, "png"},
		{"JPEG + PDF", baseJPEG, []byte("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"), "pdf"},
		{"JPEG + RAR", baseJPEG, cat([]byte("Rar!\x1a\x07\x01\x00"), randomBytes(1000, 4)), "rar"},
		{"JPEG + 7z", baseJPEG, cat([]byte("7z\xbc\xaf\x27\x1c\x00\x04"), randomBytes(1000, 5)), "7z"},
		{"JPEG + a Windows executable", baseJPEG, cat([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)), "exe"},
		{"JPEG + an ELF executable", baseJPEG, cat([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 200)), "elf"},
		{"PNG + PHP", basePNG, []byte("<?php system($_GET['c']); ?>"), "script"},
		{"JPEG + a shell script", baseJPEG, []byte("#!/bin/sh\nrm -rf /tmp/x\n"), "script"},
		{"JPEG + random bytes + ZIP (archive readers skip the junk)", baseJPEG, cat(randomBytes(5000, 6), zipBytes()), "zip"},
		{"JPEG + zero padding", baseJPEG, make([]byte, 4096), "padding"},
		{"two scans, COM with FF D9 between them, + ZIP", twoScanJPEG(segment(0xFE, []byte("a\xFF\xD9b"))), zipBytes(), "zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := cat(tt.image, tt.payload)
			for how, open := range inputs(t, file) {
				info, err := Inspect(open())
				require.NoError(t, err, how)
				assert.Equal(t, int64(len(tt.payload)), info.Trailing, how)
				assert.Equal(t, tt.appended, info.Appended, how)
				assert.Equal(t, int64(len(file)), info.Size, how)
				assert.False(t, info.Truncated, how)
				assert.False(t, info.EndMissing, how)
				assert.Contains(t, codes(DefaultSpec(IDCardFront).Check(info)), ProblemTrailing, how)
			}
			if tt.appended == "zip" {
				// The polyglot really is both: Go opens the archive.
				_, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
				assert.NoError(t, err)
			}
		})
	}
}

func TestInspectExactEnd(t *testing.T) {
	tests := []struct {
		name string
		file []byte
	}{
		{"COM holding FF D9 before the scan", jpegWith(baseJPEG, segment(0xFE, []byte("xx\xFF\xD9yy")))},
		{"APP1 holding a whole thumbnail JPEG", jpegWith(baseJPEG, segment(0xE1, cat([]byte("Exif\x00\x00"), grayJPEG)))},
		{"two scans, COM with FF D9 between them", twoScanJPEG(segment(0xFE, []byte("\xFF\xD9")))},
		{"two scans, DHT between them", twoScanJPEG(segment(0xC4, []byte{0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xD9}))},
		{"stuffed FF 00, RSTn and a fill run", twoScanJPEG()},
		{"64 KiB of fill bytes before the first marker", fillRunJPEG(64 << 10)},
		{"PNG with a tEXt holding the IEND bytes", pngWith(basePNG, pngChunk("tEXt", cat([]byte("c\x00"), pngChunk("IEND", nil))))},
		{"GIF", gifBytes()},
		{"GIF with a comment extension", append(append(append([]byte(nil), gifBytes()[:len(gifBytes())-1]...), 0x21, 0xFE, 3, 'a', ';', 'b', 0), 0x3B)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for how, open := range inputs(t, tt.file) {
				info, err := Inspect(open())
				require.NoError(t, err, how)
				assert.Zero(t, info.Trailing, how)
				assert.Empty(t, info.Appended, how)
				assert.False(t, info.Truncated, how)
				assert.False(t, info.EndMissing, how)
				assert.Equal(t, int64(len(tt.file)), info.Size, how)
			}
		})
	}
}

func TestInspectTruncatedOrEndMissing(t *testing.T) {
	pngNoEnd := basePNG[:len(basePNG)-12]
	idat := bytes.Index(basePNG, []byte("IDAT"))
	g := gifBytes()
	scan2 := twoScanJPEG(segment(0xFE, []byte("note")))
	com := bytes.Index(scan2, []byte("note"))
	tests := []struct {
		name      string
		file      []byte
		truncated bool
	}{
		{"PNG without IEND", pngNoEnd, false},
		{"PNG with a chunk after IDAT, no IEND", cat(pngNoEnd, pngChunk("tEXt", []byte("a\x00b"))), false},
		{"PNG cut inside IDAT", basePNG[:idat+20], true},
		{"PNG cut inside the IEND CRC", basePNG[:len(basePNG)-2], true},
		{"JPEG without EOI (scan data cannot be shown complete)", baseJPEG[:len(baseJPEG)-2], true},
		{"JPEG cut inside scan data", baseJPEG[:bytes.Index(baseJPEG, []byte{0xFF, 0xDA})+30], true},
		{"JPEG ending after a whole COM between scans", scan2[:com+4], false},
		{"JPEG cut inside a COM between scans", scan2[:com+2], true},
		{"GIF without its trailer", g[:len(g)-1], false},
		{"GIF cut inside the image data", g[:len(g)-4], true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for how, open := range inputs(t, tt.file) {
				info, err := Inspect(open())
				require.NoError(t, err, how)
				assert.Equal(t, tt.truncated, info.Truncated, how)
				assert.Equal(t, !tt.truncated, info.EndMissing, how)
				assert.Zero(t, info.Trailing, how)
				want := ProblemEndMissing
				if tt.truncated {
					want = ProblemTruncated
				}
				assert.Contains(t, codes(DefaultSpec(IDCardFront).Check(info)), want, how)
			}
		})
	}
}

// exifTIFF returns the TIFF structure of an EXIF block, without the APP1
// header.
func exifTIFF(o exifOpts) []byte { return app1(o)[4+6:] }

func TestInspectPNGOrientation(t *testing.T) {
	for o := uint16(1); o <= 8; o++ {
		for _, where := range []string{"before IDAT", "after IDAT"} {
			file := pngWith(basePNG, pngChunk("eXIf", exifTIFF(exifOpts{xNum: 72, xDen: 1, orientation: o})))
			if where == "after IDAT" {
				file = cat(basePNG[:len(basePNG)-12], pngChunk("eXIf", exifTIFF(exifOpts{bigEndian: true, xNum: 72, xDen: 1, orientation: o})), basePNG[len(basePNG)-12:])
			}
			info, err := Inspect(bytes.NewReader(file))
			require.NoError(t, err)
			assert.Equal(t, int(o), info.Orientation, "orientation %d %s", o, where)
			w, h := 40, 30
			if o >= 5 {
				w, h = h, w
			}
			assert.Equal(t, w, info.Width, "orientation %d %s", o, where)
			assert.Equal(t, h, info.Height, "orientation %d %s", o, where)
		}
	}
}

func TestInspectBrokenEXIFIsAWarning(t *testing.T) {
	broken := []struct {
		name   string
		opts   exifOpts
		reason string
	}{
		{"IFD0 offset past the end", exifOpts{xNum: 300, xDen: 1, ifdOffset: 5000}, "IFD0 offset past the end"},
		{"resolution offset past the end", exifOpts{xNum: 300, xDen: 1, resOffset: 60000}, "resolution offset past the end"},
		{"entries past the end", exifOpts{xNum: 300, xDen: 1, orientation: 6, truncateTIFFAt: 20}, "IFD0 entries past the end"},
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			for format, file := range map[string][]byte{
				"jpeg": jpegWith(baseJPEG, app1(b.opts)),
				"png":  pngWith(basePNG, pngChunk("eXIf", exifTIFF(b.opts))),
			} {
				info, err := Inspect(bytes.NewReader(file))
				require.NoError(t, err, format)
				assert.Contains(t, info.EXIFError, b.reason, format)
				assert.Zero(t, info.Orientation, format)
				_, ok := info.DPI()
				assert.False(t, ok, "%s: no resolution from a broken block", format)
				probs := Spec{}.Check(info)
				require.Len(t, probs, 1, format)
				assert.Equal(t, ProblemEXIF, probs[0].Code)
				assert.True(t, probs[0].Warning)
				assert.Contains(t, probs[0].Params["reason"], b.reason)
			}
		})
	}
}

func TestInspectSniffText(t *testing.T) {
	long := bytes.Repeat([]byte("-"), 3000)
	tests := []struct {
		name string
		file []byte
		want Format
	}{
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), SVG},
		{"SVG after a comment", []byte("<!-- made by hand -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), SVG},
		{"SVG after a doctype", []byte(`<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>`), SVG},
		{"SVG after a BOM, a declaration and a 3000-byte comment", cat([]byte("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!--"), long, []byte("-->\n<SVG/>")), SVG},
		{"HTML after a comment", []byte("<!-- x --><html></html>"), HTML},
		{"HTML doctype", []byte("<!doctype HTML><p>"), HTML},
		{"PHP", []byte("<?php echo 1; ?>"), Script},
		{"XML that is not SVG", []byte(`<?xml version="1.0"?><note/>`), Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(bytes.NewReader(tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.want, info.Format)
			assert.Equal(t, int64(len(tt.file)), info.Size)
		})
	}
}

// endless is a stream of zeros that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestInspectReadBound(t *testing.T) {
	header := baseJPEG[:bytes.Index(baseJPEG, []byte{0xFF, 0xDA})+14]
	info, err := Inspect(io.MultiReader(bytes.NewReader(header), endless{}), MaxRead(1<<20))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, JPEG, info.Format)
	assert.Equal(t, 64, info.Width, "what was read before the bound is kept")
	assert.Equal(t, int64(1<<20), info.Size)
	assert.False(t, info.Truncated)
	assert.Contains(t, codes(Huawei.Spec(AppIcon).Check(info)), ProblemTooLarge)

	// A seekable file over the bound: its exact size, without reading it.
	big := cat(basePNG, make([]byte, 2<<20))
	for how, open := range inputs(t, big) {
		info, err = Inspect(open(), MaxRead(1<<20))
		require.ErrorIs(t, err, ErrTooLarge, how)
		if how != "stream" {
			assert.Equal(t, int64(len(big)), info.Size, how)
		}
		// At the bound exactly, the file is read.
		info, err = Inspect(open(), MaxRead(int64(len(big))))
		require.NoError(t, err, how)
		assert.Equal(t, int64(2<<20), info.Trailing, how)
	}
	// Other formats are bounded too.
	_, err = Inspect(io.MultiReader(bytes.NewReader([]byte("%PDF-1.7\n")), endless{}), MaxRead(1<<16))
	assert.ErrorIs(t, err, ErrTooLarge)

	if testing.Short() {
		return
	}
	// The default bound ends an endless stream.
	_, err = Inspect(io.MultiReader(bytes.NewReader(header), endless{}))
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestInspectFillRun(t *testing.T) {
	n := 256 << 20
	if testing.Short() {
		n = 16 << 20
	}
	file := fillRunJPEG(n)
	info, err := Inspect(&onlyReader{bytes.NewReader(file)})
	require.NoError(t, err)
	assert.Zero(t, info.Trailing)
	assert.Equal(t, int64(len(file)), info.Size)
}

// countingSeeker counts the bytes read through it.
type countingSeeker struct {
	*bytes.Reader
	read int64
}

func (c *countingSeeker) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	c.read += int64(n)
	return n, err
}

func TestInspectSeekerSkips(t *testing.T) {
	data := benchFile("png", 4_000_000)
	payload := zipWith(1<<20, "")
	file := cat(data, payload)
	c := &countingSeeker{Reader: bytes.NewReader(file)}
	info, err := Inspect(c)
	require.NoError(t, err)
	assert.Equal(t, int64(len(payload)), info.Trailing)
	assert.Equal(t, "zip", info.Appended)
	assert.Less(t, c.read, int64(len(file)/10), "IDAT chunks and the payload are skipped, not read")

	// Inspect starts at the reader's position.
	prefixed := cat([]byte("some header the caller already read"), baseJPEG)
	r := bytes.NewReader(prefixed)
	_, _ = r.Seek(35, io.SeekStart)
	info, err = Inspect(r)
	require.NoError(t, err)
	assert.Equal(t, JPEG, info.Format)
	assert.Equal(t, int64(len(baseJPEG)), info.Size)
	assert.Zero(t, info.Trailing)
}

func TestInspectAllocsDoNotGrow(t *testing.T) {
	for _, format := range []string{"jpeg", "png"} {
		var counts []float64
		for _, size := range []int{100_000, 4_000_000} {
			data := benchFile(format, size)
			r := bytes.NewReader(data)
			s := &onlyReader{r}
			counts = append(counts, testing.AllocsPerRun(100, func() { // enough runs that a buffer the pool lost to a GC averages out
				r.Reset(data)
				if _, err := Inspect(r); err != nil {
					t.Fatal(err)
				}
				r.Reset(data)
				if _, err := Inspect(s); err != nil {
					t.Fatal(err)
				}
			}))
		}
		assert.Equal(t, counts[0], counts[1], "%s: allocations at 100 KB and 4 MB", format)
		assert.LessOrEqual(t, counts[1], 1.0, format)
	}
}

func TestKindZeroJSON(t *testing.T) {
	var v struct {
		Kind Kind `json:"kind"`
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":""}`, string(b), "the zero Kind encodes as an empty string, as subject.Kind does")
	v.Kind = IDCardBack
	require.NoError(t, json.Unmarshal([]byte(`{"kind":""}`), &v))
	assert.Equal(t, Kind(0), v.Kind, "and reads back")
	assert.Error(t, json.Unmarshal([]byte(`{"kind":"selfie"}`), &v))
	_, err = json.Marshal(struct{ K Kind }{Kind(200)})
	assert.Error(t, err)
	_, err = ParseKind("")
	assert.Error(t, err)
}

func TestProfilesAreImmutable(t *testing.T) {
	s := Huawei.Spec(IDCardFront)
	s.Formats[0] = PDF
	assert.Equal(t, []Format{JPEG, PNG}, Huawei.Spec(IDCardFront).Formats)
	ps := Profiles()
	ps[0] = Huawei
	assert.Equal(t, "default", Profiles()[0].Name())
	names := map[string]bool{}
	for _, p := range Profiles() {
		names[p.Name()] = true
		assert.NotEmpty(t, p.Source())
	}
	assert.Equal(t, map[string]bool{"default": true, "alibaba": true, "tencent": true, "huawei": true}, names)
	assert.Equal(t, Spec{}, NewProfile("none", "", nil).Spec(IDCardFront))
}

func TestProblemCodes(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range ProblemCodes() {
		assert.False(t, seen[c], c)
		seen[c] = true
		assert.Regexp(t, `^material\.[a-z_]+$`, c)
	}
	// Every code Check returns is listed.
	bad := Info{Format: JPEG, Size: 1 << 30, Width: 20000, Height: 20000, Colour: Greyscale, Truncated: true, EndMissing: true,
		Trailing: 5, EXIFError: "x"}
	for _, p := range (Spec{Formats: []Format{PNG}, MaxBytes: 1, MinDPI: 300, MinWidth: 1 << 30, Colour: true, MaxPixels: 1}).Check(bad) {
		assert.True(t, seen[p.Code], p.Code)
	}
	for _, p := range (Spec{MinBytes: 1 << 40}).Check(Info{Format: PNG, DPISource: PHYs, DPIX: 1, DPIY: 1}) {
		assert.True(t, seen[p.Code], p.Code)
	}
}

// TestGoImageCorpus runs Inspect over Go's own image test files and
// compares format, width and height with image.DecodeConfig. Files that Go
// itself cannot decode are skipped, each with Go's reason.
func TestGoImageCorpus(t *testing.T) {
	root := goroot(t)
	var files []string
	for _, dir := range []string{"src/image/testdata", "src/image/png/testdata"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return err
		})
		require.NoError(t, err)
	}
	require.NotEmpty(t, files)
	// What Inspect says of the files Go cannot decode.
	invalid := map[string]string{
		"invalid-crc32.png": "error",       // the IHDR CRC is wrong
		"invalid-noend.png": "end_missing", // no IEND
		"invalid-trunc.png": "truncated",   // cut inside IDAT
		"invalid-zlib.png":  "clean",       // a bad zlib checksum inside IDAT: needs inflating, which Inspect does not do
	}
	compared, notImages := 0, 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		name, _ := filepath.Rel(root, p)
		info, ierr := Inspect(bytes.NewReader(data))
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			if errors.Is(err, image.ErrFormat) {
				notImages++ // README and .sng text files
				continue
			}
			verdict := "clean"
			switch {
			case ierr != nil:
				verdict = "error"
			case info.Truncated:
				verdict = "truncated"
			case info.EndMissing:
				verdict = "end_missing"
			}
			t.Logf("skipped %s: Go cannot decode it (%v); Inspect: %s (%v)", name, err, verdict, ierr)
			if want, ok := invalid[filepath.Base(p)]; assert.True(t, ok, "unexpected undecodable file %s", name) {
				assert.Equal(t, want, verdict, name)
			}
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		require.NoError(t, err, name)
		for how, open := range map[string]func() io.Reader{
			"stream": func() io.Reader { return &onlyReader{bytes.NewReader(data)} },
			"seeker": func() io.Reader { return bytes.NewReader(data) },
		} {
			info, err := Inspect(open())
			if !assert.NoError(t, err, "%s %s", name, how) {
				continue
			}
			assert.Equal(t, format, string(info.Format), name)
			assert.Equal(t, cfg.Width, info.Width, name)
			assert.Equal(t, cfg.Height, info.Height, name)
			assert.Zero(t, info.Trailing, name)
			assert.False(t, info.Truncated || info.EndMissing, name)
			assert.Empty(t, info.EXIFError, name)
		}
		compared++
	}
	t.Logf("%d image files agree with image.DecodeConfig; %d that Go cannot decode skipped; %d files are not images",
		compared, len(files)-compared-notImages, notImages)
	assert.GreaterOrEqual(t, compared, 80)
}

func goroot(t *testing.T) string {
	t.Helper()
	out, err := runGo("env", "GOROOT")
	if err != nil {
		t.Skipf("go env GOROOT: %v", err)
	}
	return out
}

func runGo(args ...string) (string, error) {
	out, err := exec.Command("go", args...).Output()
	return strings.TrimSpace(string(out)), err
}
