package material

import (
	"bytes"
	"errors"
	"image"
	"image/color/palette"
	"io"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	baseJPEG = encodeJPEG(colourImage(64, 48, false), 90)
	grayJPEG = encodeJPEG(image.NewGray(image.Rect(0, 0, 32, 16)), 90)
	basePNG  = encodePNG(colourImage(40, 30, false))
	grayPNG  = encodePNG(image.NewGray(image.Rect(0, 0, 20, 10)))
	palPNG   = encodePNG(image.NewPaletted(image.Rect(0, 0, 20, 10), palette.Plan9))
)

func TestInspectJPEGDPI(t *testing.T) {
	tests := []struct {
		name   string
		file   []byte
		dpi    int
		ok     bool
		source DPISource
	}{
		{"JFIF per inch 300", jpegWith(baseJPEG, app0(1, 300, 300)), 300, true, JFIF},
		{"JFIF per cm 118 rounds to 300", jpegWith(baseJPEG, app0(2, 118, 118)), 300, true, JFIF},
		{"JFIF lower of x and y", jpegWith(baseJPEG, app0(1, 300, 150)), 150, true, JFIF},
		{"JFIF unit 0 is aspect only, no EXIF", jpegWith(baseJPEG, app0(0, 1, 1)), 0, false, NoDPI},
		{"JFIF density 0 is unknown", jpegWith(baseJPEG, app0(1, 0, 0)), 0, false, NoDPI},
		{"JFIF unit 0 falls back to EXIF big-endian", jpegWith(baseJPEG, app0(0, 1, 1), app1(exifOpts{bigEndian: true, xNum: 300, xDen: 1, unit: 2})), 300, true, EXIF},
		{"EXIF little-endian, unit absent means inch", jpegWith(baseJPEG, app1(exifOpts{xNum: 600, xDen: 2})), 300, true, EXIF},
		{"EXIF per cm", jpegWith(baseJPEG, app1(exifOpts{xNum: 11811, xDen: 100, unit: 3})), 300, true, EXIF},
		{"EXIF unit 1 is no unit", jpegWith(baseJPEG, app1(exifOpts{xNum: 300, xDen: 1, unit: 1})), 0, false, NoDPI},
		{"EXIF zero denominator", jpegWith(baseJPEG, app1(exifOpts{xNum: 300, xDen: 0})), 0, false, NoDPI},
		{"JFIF wins over EXIF", jpegWith(baseJPEG, app0(1, 72, 72), app1(exifOpts{xNum: 300, xDen: 1})), 72, true, JFIF},
		{"no metadata", baseJPEG, 0, false, NoDPI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(bytes.NewReader(tt.file))
			require.NoError(t, err)
			assert.Equal(t, JPEG, info.Format)
			assert.Equal(t, 64, info.Width)
			assert.Equal(t, 48, info.Height)
			assert.Equal(t, int64(len(tt.file)), info.Size)
			assert.Equal(t, Colour, info.Colour)
			assert.Zero(t, info.Trailing)
			assert.False(t, info.Truncated)
			dpi, ok := info.DPI()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.dpi, dpi)
			assert.Equal(t, tt.source, info.DPISource)
		})
	}
}

func TestInspectJPEGOrientationAndColour(t *testing.T) {
	info, err := Inspect(bytes.NewReader(jpegWith(baseJPEG, app1(exifOpts{xNum: 300, xDen: 1, orientation: 6}))))
	require.NoError(t, err)
	assert.Equal(t, 6, info.Orientation)
	assert.Equal(t, 48, info.Width, "orientation 6 swaps width and height")
	assert.Equal(t, 64, info.Height)

	info, err = Inspect(bytes.NewReader(grayJPEG))
	require.NoError(t, err)
	assert.Equal(t, Greyscale, info.Colour)
	assert.Equal(t, 1, info.Components)
}

func TestInspectPNG(t *testing.T) {
	tests := []struct {
		name   string
		file   []byte
		dpi    int
		ok     bool
		colour ColourModel
	}{
		{"11811 pixels per metre is 300 dpi", pngWith(basePNG, phys(11811, 11811, 1)), 300, true, Colour},
		{"11810 rounds to 300", pngWith(basePNG, phys(11810, 11810, 1)), 300, true, Colour},
		{"11812 rounds to 300", pngWith(basePNG, phys(11812, 11812, 1)), 300, true, Colour},
		{"2835 is 72", pngWith(basePNG, phys(2835, 2835, 1)), 72, true, Colour},
		{"3780 is 96", pngWith(basePNG, phys(3780, 3780, 1)), 96, true, Colour},
		{"unit 0 is aspect only", pngWith(basePNG, phys(1, 1, 0)), 0, false, Colour},
		{"other chunks before pHYs", pngWith(basePNG, pngChunk("tEXt", []byte("Comment\x00hi")), phys(11811, 11811, 1)), 300, true, Colour},
		{"greyscale", grayPNG, 0, false, Greyscale},
		{"palette", palPNG, 0, false, Palette},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(bytes.NewReader(tt.file))
			require.NoError(t, err)
			assert.Equal(t, PNG, info.Format)
			assert.Equal(t, int64(len(tt.file)), info.Size)
			dpi, ok := info.DPI()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.dpi, dpi)
			assert.Equal(t, tt.colour, info.Colour)
			assert.Zero(t, info.Trailing)
			assert.False(t, info.Truncated)
		})
	}
	info, _ := Inspect(bytes.NewReader(basePNG))
	assert.Equal(t, 40, info.Width)
	assert.Equal(t, 30, info.Height)
}

func TestInspectOtherFormats(t *testing.T) {
	tests := []struct {
		name string
		file []byte
		want Format
	}{
		{"PDF", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), PDF},
		{"ZIP", zipBytes(), ZIP},
		{"WebP", append([]byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"), make([]byte, 24)...), WebP},
		{"HEIC", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...), HEIF},
		{"SVG", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`), SVG},
		{"HTML", []byte("\n<!DOCTYPE html><html><body>hi</body></html>"), HTML},
		{"BMP", append([]byte("BM\x46\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00"), make([]byte, 60)...), BMP},
		{"TIFF", append([]byte("II*\x00\x08\x00\x00\x00"), make([]byte, 32)...), TIFF},
		{"plain text", []byte("hello, this is not an image"), Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(bytes.NewReader(tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.want, info.Format)
			assert.Equal(t, int64(len(tt.file)), info.Size)
			probs := DefaultSpec(BusinessLicense).Check(info)
			require.NotEmpty(t, probs)
			assert.Equal(t, ProblemFormat, probs[0].Code)
			assert.Equal(t, string(tt.want), probs[0].Params["got"], "the problem says what the file is")
		})
	}
}

func TestInspectTruncation(t *testing.T) {
	file := jpegWith(baseJPEG, app0(1, 300, 300), app1(exifOpts{xNum: 300, xDen: 1}))
	sos := bytes.Index(file, []byte{0xFF, 0xDA})
	require.Positive(t, sos)
	headerEnd := sos + 2 + int(file[sos+2])<<8 + int(file[sos+3])
	for n := 2; n < headerEnd; n++ {
		_, err := Inspect(bytes.NewReader(file[:n]))
		require.Error(t, err, "cut at %d", n)
		assert.ErrorIs(t, err, ErrTruncated, "cut at %d", n)
		var ie *InspectError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, JPEG, ie.Format)
	}
	for _, n := range []int{headerEnd, headerEnd + 10, len(file) - 1} {
		info, err := Inspect(bytes.NewReader(file[:n]))
		require.NoError(t, err, "cut at %d inside the image data", n)
		assert.True(t, info.Truncated, "cut at %d", n)
		assert.Contains(t, codes(DefaultSpec(IDCardFront).Check(info)), ProblemTruncated)
	}

	p := pngWith(basePNG, phys(11811, 11811, 1))
	idat := bytes.Index(p, []byte("IDAT"))
	for n := 1; n < idat; n++ {
		_, err := Inspect(bytes.NewReader(p[:n]))
		if n < 4 {
			continue // too short to be recognised as PNG
		}
		require.Error(t, err, "cut at %d", n)
		assert.True(t, errors.Is(err, ErrTruncated) || errors.Is(err, ErrMalformed), "cut at %d: %v", n, err)
	}
	info, err := Inspect(bytes.NewReader(p[:len(p)-5]))
	require.NoError(t, err)
	assert.True(t, info.Truncated)
}

func TestInspectAdversarial(t *testing.T) {
	badCRC := append([]byte(nil), basePNG...)
	badCRC[30] ^= 0xFF
	zeroLen := append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00}, baseJPEG[2:]...)
	oneLen := append([]byte{0xFF, 0xD8, 0xFF, 0xE2, 0x00, 0x01}, baseJPEG[2:]...)
	oversized := []byte{0xFF, 0xD8, 0xFF, 0xE2, 0xFF, 0xFF, 1, 2, 3}
	tests := []struct {
		name string
		file []byte
		err  error
		part string
	}{
		{"empty", nil, ErrEmpty, "file"},
		{"the 3-byte FF D8 FF", []byte{0xFF, 0xD8, 0xFF}, ErrTruncated, "marker"},
		{`\x89PNG followed by text`, []byte("\x89PNG this is actually text"), ErrMalformed, "signature (only the first 4 of its 8 bytes match)"},
		{"PNG with a bad IHDR CRC", badCRC, ErrMalformed, "IHDR CRC"},
		{"zero-length segment", zeroLen, ErrMalformed, "segment FFE0 length"},
		{"segment length 1", oneLen, ErrMalformed, "segment FFE2 length"},
		{"oversized segment", oversized, ErrTruncated, "segment FFE2"},
		{"SOS before SOF", []byte{0xFF, 0xD8, 0xFF, 0xDA, 0, 2, 0xFF, 0xD9}, ErrMalformed, "SOS before any frame header"},
		{"EOI before data", []byte{0xFF, 0xD8, 0xFF, 0xD9}, ErrMalformed, "EOI before the image data"},
		{"junk instead of a marker", []byte{0xFF, 0xD8, 0x00, 0x00}, ErrMalformed, "marker (byte 00 where FF was expected)"},
		{"PNG IEND before IDAT", append(append([]byte(nil), basePNG[:33]...), pngChunk("IEND", nil)...), ErrMalformed, "IEND before any IDAT"},
		{"PNG chunk length over 2^31", append(append([]byte(nil), basePNG[:33]...), 0xFF, 0xFF, 0xFF, 0xFF, 'a', 'b', 'c', 'd'), ErrMalformed, "chunk abcd length"},
		{"PNG bad pHYs CRC", pngWith(basePNG, append(phys(1, 1, 1)[:17], 0, 0, 0, 0)), ErrMalformed, "chunk pHYs CRC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Inspect(bytes.NewReader(tt.file))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			var ie *InspectError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.part, ie.Part)
		})
	}

	// An EXIF IFD whose next pointer points at itself is not followed.
	info, err := Inspect(bytes.NewReader(jpegWith(baseJPEG, app1(exifOpts{xNum: 300, xDen: 1, nextIFDSelf: true}))))
	require.NoError(t, err)
	dpi, _ := info.DPI()
	assert.Equal(t, 300, dpi)

	// A declared 65535 × 65535 frame is read, then refused by the spec.
	huge := minimalJPEG(sof(65535, 65535, 3))
	info, err = Inspect(bytes.NewReader(huge))
	require.NoError(t, err)
	assert.Equal(t, 65535, info.Width)
	assert.Contains(t, codes(DefaultSpec(IDCardFront).Check(info)), ProblemTooManyPixels)

	// A second frame header: a small scan posing as 8191 × 8191.
	_, err = Inspect(bytes.NewReader(jpegWith(baseJPEG, sof(8191, 8191, 3))))
	require.ErrorIs(t, err, ErrMalformed)
	var ie *InspectError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "second frame header (segment FFC0)", ie.Part)
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, errors.New("connection reset")
	}
	k := min(len(p), r.n)
	copy(p, baseJPEG[len(baseJPEG)-r.n:])
	r.n -= k
	return k, nil
}

func TestInspectReadError(t *testing.T) {
	_, err := Inspect(io.MultiReader(bytes.NewReader(baseJPEG[:10]), &failingReader{}))
	assert.ErrorIs(t, err, ErrRead)
	assert.Contains(t, err.Error(), "connection reset")
}

type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := int(min(int64(len(p)), z.n))
	clear(p[:k])
	z.n -= int64(k)
	return k, nil
}

func TestInspectBoundedMemory(t *testing.T) {
	header := baseJPEG[:bytes.Index(baseJPEG, []byte{0xFF, 0xDA})+14]
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	info, err := Inspect(io.MultiReader(bytes.NewReader(header), &zeros{50 << 20}))
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, int64(len(header))+50<<20, info.Size)
	assert.True(t, info.Truncated)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(512<<10), "inspecting 50 MB allocates less than 512 KiB")
}

func TestInspectConcurrent(t *testing.T) {
	files := [][]byte{baseJPEG, basePNG, grayJPEG, zipBytes(), jpegWith(baseJPEG, app0(1, 300, 300))}
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := files[i%len(files)]
			info, err := Inspect(bytes.NewReader(f))
			if err != nil || info.Size != int64(len(f)) {
				t.Errorf("concurrent Inspect: %v %d", err, info.Size)
			}
		}()
	}
	wg.Wait()
}

func codes(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestSpecCheck(t *testing.T) {
	good := Info{Format: JPEG, Width: 1100, Height: 700, DPIX: 300, DPIY: 300, DPISource: JFIF, Size: 1 << 20, Colour: Colour}
	id := Alibaba.Spec(IDCardFront)
	tests := []struct {
		name string
		spec Spec
		edit func(*Info)
		want []string
	}{
		{"a good scan passes", id, func(*Info) {}, nil},
		{"wrong format", id, func(i *Info) { i.Format = PDF }, []string{ProblemFormat}},
		{"too large", id, func(i *Info) { i.Size = 5 << 20 }, []string{ProblemTooLarge}},
		{"4 MB is 4 000 000 bytes for Alibaba", id, func(i *Info) { i.Size = 4_000_001 }, []string{ProblemTooLarge}},
		{"8 MiB is the default's bound", DefaultSpec(IDCardFront), func(i *Info) { i.Size = 8<<20 + 1 }, []string{ProblemTooLarge}},
		{"the default takes 8 MiB", DefaultSpec(IDCardFront), func(i *Info) { i.Size = 8 << 20 }, nil},
		{"the default states no dpi or pixel floor", DefaultSpec(IDCardFront), func(i *Info) { i.DPISource, i.Width, i.Height = NoDPI, 300, 200 }, nil},
		{"the default takes GIF", DefaultSpec(IDCardFront), func(i *Info) { i.Format = GIF }, nil},
		{"200 KB is 204 800 bytes for Tencent", Tencent.Spec(IDCardFront), func(i *Info) { i.Size = 204_799 }, []string{ProblemTooSmall}},
		{"too small for Tencent", Tencent.Spec(IDCardFront), func(i *Info) { i.Size = 100 * kB }, []string{ProblemTooSmall}},
		{"dpi below 300", id, func(i *Info) { i.DPIX, i.DPIY = 200, 200 }, []string{ProblemDPILow}},
		{"299.97 dpi counts as 300", id, func(i *Info) { i.DPIX, i.DPIY = 299.97, 299.97 }, nil},
		{"dpi not recorded", id, func(i *Info) { i.DPISource, i.DPIX, i.DPIY = NoDPI, 0, 0 }, []string{ProblemDPIUnknown}},
		{"pixels below the ID-1 floor", id, func(i *Info) { i.Width, i.Height = 800, 500 }, []string{ProblemPixelsLow}},
		{"portrait orientation is fine", id, func(i *Info) { i.Width, i.Height = 700, 1100 }, nil},
		{"greyscale where colour is required", id, func(i *Info) { i.Colour = Greyscale }, []string{ProblemGreyscale}},
		{"greyscale authorisation letter is fine", Alibaba.Spec(AuthorizationLetter), func(i *Info) { i.Colour, i.Width, i.Height = Greyscale, 3600, 2500 }, nil},
		{"trailing data", id, func(i *Info) { i.Trailing = 100; i.Appended = "zip" }, []string{ProblemTrailing}},
		{"end marker missing", id, func(i *Info) { i.EndMissing = true }, []string{ProblemEndMissing}},
		{"broken EXIF is a warning", id, func(i *Info) { i.EXIFError = "APP1 at offset 2: TIFF magic" }, []string{ProblemEXIF}},
		{"trailing data allowed", Spec{AllowTrailing: true}, func(i *Info) { i.Trailing = 100 }, nil},
		{"truncated", id, func(i *Info) { i.Truncated = true }, []string{ProblemTruncated}},
		{"decompression bomb", id, func(i *Info) { i.Width, i.Height = 65535, 65535 }, []string{ProblemTooManyPixels}},
		{"Huawei App icon over 100 KB", Huawei.Spec(AppIcon), func(i *Info) { i.Size = 150 * kB }, []string{ProblemTooLarge}},
		{"Alibaba domain certificate under 200 KB", Alibaba.Spec(DomainCertificate), func(i *Info) { i.Size = 150 * kB }, []string{ProblemTooSmall}},
		{"Huawei takes no GIF", Huawei.Spec(IDCardFront), func(i *Info) { i.Format = GIF }, []string{ProblemFormat}},
		{"Tencent takes GIF", Tencent.Spec(IDCardFront), func(i *Info) { i.Format = GIF }, nil},
		{"several problems at once", id, func(i *Info) { i.Size = 9 << 20; i.Colour = Greyscale; i.DPIX, i.DPIY = 72, 72 },
			[]string{ProblemTooLarge, ProblemDPILow, ProblemGreyscale}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := good
			tt.edit(&info)
			assert.Equal(t, tt.want, codes(tt.spec.Check(info)))
		})
	}
	p := id.Check(Info{Format: PDF, Size: 10})
	assert.Equal(t, map[string]string{"want": "jpeg,png", "got": "pdf"}, p[0].Params)
}

func TestKindsAndProfiles(t *testing.T) {
	l, s := PixelFloor(ID1, 300)
	assert.Equal(t, 1012, l)
	assert.Equal(t, 638, s)
	for _, k := range Kinds() {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
		for _, p := range Profiles() {
			sp := p.Spec(k)
			assert.NotEmpty(t, sp.Source, "%s %s", p.Name(), k)
			assert.NotEmpty(t, sp.Formats, "%s %s", p.Name(), k)
		}
		assert.NotEmpty(t, k.NameZh())
	}
	sp := Alibaba.Spec(IDCardFront)
	assert.Equal(t, 1012, sp.MinWidth)
	assert.Equal(t, int64(4_000_000), sp.MaxBytes)
	assert.True(t, sp.Colour)
	_, err := ParseKind("selfie")
	assert.Error(t, err)
	d, ok := Info{DPIX: 299.9994, DPIY: 300, DPISource: PHYs}.DPI()
	assert.True(t, ok)
	assert.Equal(t, 300, d)
}
