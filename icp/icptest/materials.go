package icptest

import (
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/material"
)

// validBytes is the padding that puts a valid file above the largest
// minimum of the built-in profiles (200 KB, Tencent and Alibaba) and far
// below the smallest maximum (4 MiB).
const validBytes = 210_000

// files caches built files by name: building an A4 scan at 300 dpi takes a
// noticeable moment, and every application shares the same few.
var files sync.Map // string → func() []byte

func cached(name string, build func() []byte) []byte {
	f, _ := files.LoadOrStore(name, sync.OnceValue(build))
	return f.(func() []byte)()
}

// scanSize returns the pixel size of a 300-dpi scan of a material of kind
// k: the floor of its physical size with a small margin, or 1200 × 900 for
// kinds without one.
func scanSize(k material.Kind) (w, h int) {
	if s, ok := k.PhysicalSize(); ok {
		w, h = material.PixelFloor(s, 300)
		return w + 8, h + 8
	}
	return 1200, 900
}

// ValidMaterial returns a file of kind k that every built-in profile
// accepts: a colour JPEG scan at 300 dpi (JFIF) of at least the pixel size
// that 300 dpi gives the document, padded to 210 000 bytes; a 512 × 512 PNG
// for an App icon; an MP4 header for the commitment video. The bytes are
// shared between calls: do not modify them.
func ValidMaterial(k material.Kind) []byte {
	switch k {
	case material.CommitmentVideo:
		return cached("mp4", func() []byte { return MP4(4096) })
	case material.AppIcon:
		return cached("icon", func() []byte { return PNG(Image{Width: 512, Height: 512}) })
	}
	w, h := scanSize(k)
	return cached("scan/"+itoa(w)+"x"+itoa(h), func() []byte {
		return JPEG(Image{Width: w, Height: h, DPI: 300, MinBytes: validBytes})
	})
}

// defect is a material file with one known problem, for the material.*
// triggers. Each replaces the application's first material (a unit's
// licence, an A4 colour scan) and differs from a valid scan of it in one
// property only.
type defect struct {
	path  string
	build func() []byte
}

var defects = map[string]defect{}

func init() {
	a4w, a4h := scanSize(material.BusinessLicense)
	base := Image{Width: a4w, Height: a4h, DPI: 300, MinBytes: validBytes}
	with := func(f func(*Image)) func() []byte {
		return func() []byte { im := base; f(&im); return JPEG(im) }
	}
	add := func(code, path string, build func() []byte) { defects[code] = defect{"defects/" + path, build} }
	add(material.ProblemFormat, "format.pdf", func() []byte {
		return append([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), make([]byte, validBytes)...)
	})
	add(material.ProblemTooLarge, "too_large.jpg", with(func(im *Image) { im.MinBytes = 4<<20 + 1 }))
	add(material.ProblemTooSmall, "too_small.jpg", with(func(im *Image) { im.MinBytes = 0 }))
	add(material.ProblemDPILow, "dpi_low.jpg", with(func(im *Image) { im.DPI = 72 }))
	add(material.ProblemDPIUnknown, "dpi_unknown.jpg", with(func(im *Image) { im.DPI = 0 }))
	add(material.ProblemPixelsLow, "pixels_low.jpg", with(func(im *Image) { im.Width, im.Height = 1200, 850 }))
	add(material.ProblemGreyscale, "greyscale.jpg", with(func(im *Image) { im.Colour = material.Greyscale }))
	add(material.ProblemTrailing, "trailing_data.jpg", with(func(im *Image) { im.Appended = []byte("PK\x03\x04\x14\x00\x00\x00") }))
	add(material.ProblemTruncated, "truncated.jpg", with(func(im *Image) { im.Truncated = true }))
	add(material.ProblemEndMissing, "end_missing.png", func() []byte {
		return PNG(Image{Width: a4w, Height: a4h, DPI: 300, MinBytes: validBytes, EndMissing: true})
	})
	add(material.ProblemEXIF, "exif_unreadable.jpg", with(func(im *Image) { im.BrokenEXIF = true }))
	add(material.ProblemTooManyPixels, "too_many_pixels.png", func() []byte {
		return PNG(Image{Width: 10_001, Height: 10_000, DPI: 300, Colour: material.Palette, MinBytes: validBytes})
	})
}

// Materials returns an in-memory file system holding a file at the path of
// every material of app: a [ValidMaterial] of its kind, or, at the paths
// [Trigger] uses for the material.* codes, the defective file that code
// needs. Paths that fs.ValidPath refuses and paths under missing/ are left
// out, so that opening them fails as a missing upload does. Pass it to [Opener] for
// icp.WithMaterialOpener. The files' bytes are shared: do not modify them.
func Materials(app icp.Application) fstest.MapFS {
	m := fstest.MapFS{}
	for _, ref := range app.Materials {
		if !fs.ValidPath(ref.Path) || strings.HasPrefix(ref.Path, "missing/") {
			continue
		}
		data := ValidMaterial(ref.Kind)
		for _, d := range defects {
			if d.path == ref.Path {
				data = cached(d.path, d.build)
			}
		}
		m[ref.Path] = &fstest.MapFile{Data: data, Mode: 0o444}
	}
	return m
}

// Opener returns a function for icp.WithMaterialOpener that opens the
// material paths of an application in fsys.
func Opener(fsys fs.FS) func(path string) (io.ReadCloser, error) {
	return func(path string) (io.ReadCloser, error) { return fsys.Open(path) }
}

func itoa(i int) string { return strconv.Itoa(i) }
