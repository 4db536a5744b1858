package material

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Spec says what an uploaded file of one material kind must be. Build one
// from a [Profile], or write your own.
type Spec struct {
	Formats       []Format // allowed formats
	MinBytes      int64    // 0: no minimum
	MaxBytes      int64    // 0: no maximum
	MinDPI        int      // 0: no minimum; compared after rounding
	MinWidth      int      // pixel floor of the long side (0: none)
	MinHeight     int      // pixel floor of the short side (0: none)
	Colour        bool     // a greyscale image is refused
	MaxPixels     int64    // decompression-bomb guard (0: none)
	AllowTrailing bool     // bytes after the image's end marker are accepted
	Source        string   // source keys of the spec
}

// Problem is one way an inspected file fails a [Spec].
type Problem struct {
	Code   string            // stable code, e.g. "material.too_large"
	Params map[string]string // the values involved
}

// Problem codes returned by [Spec.Check].
const (
	ProblemFormat        = "material.format"
	ProblemTooLarge      = "material.too_large"
	ProblemTooSmall      = "material.too_small"
	ProblemDPILow        = "material.dpi_low"
	ProblemDPIUnknown    = "material.dpi_unknown"
	ProblemPixelsLow     = "material.pixels_low"
	ProblemTooManyPixels = "material.too_many_pixels"
	ProblemGreyscale     = "material.greyscale"
	ProblemTrailing      = "material.trailing_data"
	ProblemTruncated     = "material.truncated"
)

// Check returns every way info fails s, in a fixed order; nil means none.
func (s Spec) Check(info Info) []Problem {
	var out []Problem
	add := func(code string, kv ...string) {
		p := Problem{Code: code, Params: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			p.Params[kv[i]] = kv[i+1]
		}
		out = append(out, p)
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	if len(s.Formats) > 0 && !slices.Contains(s.Formats, info.Format) {
		want := make([]string, len(s.Formats))
		for i, f := range s.Formats {
			want[i] = string(f)
		}
		add(ProblemFormat, "want", strings.Join(want, ","), "got", string(info.Format))
	}
	if s.MaxBytes > 0 && info.Size > s.MaxBytes {
		add(ProblemTooLarge, "max", i64(s.MaxBytes), "size", i64(info.Size))
	}
	if s.MinBytes > 0 && info.Size < s.MinBytes {
		add(ProblemTooSmall, "min", i64(s.MinBytes), "size", i64(info.Size))
	}
	if !info.Format.Inspected() {
		return out
	}
	if info.Truncated {
		add(ProblemTruncated)
	}
	if !s.AllowTrailing && (info.Trailing != 0 || info.Appended != "") {
		add(ProblemTrailing, "bytes", i64(info.Trailing), "appended", info.Appended)
	}
	px := int64(info.Width) * int64(info.Height)
	if s.MaxPixels > 0 && px > s.MaxPixels {
		add(ProblemTooManyPixels, "max", i64(s.MaxPixels), "pixels", i64(px))
	}
	if s.MinDPI > 0 {
		if dpi, ok := info.DPI(); ok {
			if dpi < s.MinDPI {
				add(ProblemDPILow, "min", strconv.Itoa(s.MinDPI), "dpi", strconv.Itoa(dpi), "source", info.DPISource.String())
			}
		} else {
			add(ProblemDPIUnknown, "min", strconv.Itoa(s.MinDPI))
		}
	}
	long, short := max(info.Width, info.Height), min(info.Width, info.Height)
	if (s.MinWidth > 0 || s.MinHeight > 0) && (long < s.MinWidth || short < s.MinHeight) {
		add(ProblemPixelsLow, "min_width", strconv.Itoa(s.MinWidth), "min_height", strconv.Itoa(s.MinHeight),
			"width", strconv.Itoa(long), "height", strconv.Itoa(short))
	}
	if s.Colour && info.Colour == Greyscale {
		add(ProblemGreyscale)
	}
	return out
}

// PixelFloor returns the minimum long and short side in pixels of a scan of
// a document of the given physical size at dpi, rounded up.
func PixelFloor(size Size, dpi int) (long, short int) {
	f := func(mm float64) int { return int(math.Ceil(mm / 25.4 * float64(dpi))) }
	return f(size.Long), f(size.Short)
}

// A Profile is a named set of specs, one per material kind, with its
// source. Profiles are values; copy one and change its Spec function to
// make your own.
type Profile struct {
	Name   string
	Source string
	Spec   func(Kind) Spec
}

const (
	kb = 1000
	mb = 1 << 20
)

// maxPixels guards against decompression bombs: 100 megapixels is far above
// any scan the filing systems take.
const maxPixels = 100_000_000

var jpegPNG = []Format{JPEG, PNG}

func withFloor(s Spec, k Kind) Spec {
	if size, ok := k.PhysicalSize(); ok && s.MinDPI > 0 {
		s.MinWidth, s.MinHeight = PixelFloor(size, s.MinDPI)
	}
	return s
}

// appIcon is Huawei's App icon rule (HW-app: at most 100 KB), used by every
// profile.
func appIcon() Spec {
	return Spec{Formats: jpegPNG, MaxBytes: 100 * kb, Colour: false, MaxPixels: maxPixels, Source: "HW-app"}
}

// Brief is the original brief's spec: JPG or PNG, at least 300 dpi, at most
// 4 MB (taken as 4 MiB), with the pixel floor that 300 dpi gives for the
// document's physical size and a colour original where the kind needs one.
// No provider states a dpi minimum (reference/domain.md §7.1), so a file
// that does not record its dpi is reported (ProblemDPIUnknown) rather than
// refused, and the pixel floor does the real work.
var Brief = Profile{Name: "brief", Source: "DESIGN.md (the brief); UNCERTAIN", Spec: func(k Kind) Spec {
	if k == AppIcon {
		return appIcon()
	}
	if k == CommitmentVideo {
		return Spec{Formats: []Format{MP4}, Source: "TC-P-江苏"}
	}
	return withFloor(Spec{Formats: jpegPNG, MaxBytes: 4 * mb, MinDPI: 300, Colour: k.ColourRequired(),
		MaxPixels: maxPixels, Source: "DESIGN.md (the brief)"}, k)
}}

// Tencent is Tencent Cloud's spec: each image 200 KB to 8 MB, JPG, JPEG, PNG
// or GIF, colour originals (TC-upload, TC-materials).
var Tencent = Profile{Name: "tencent", Source: "TC-upload; TC-materials", Spec: func(k Kind) Spec {
	if k == AppIcon {
		return appIcon()
	}
	if k == CommitmentVideo {
		return Spec{Formats: []Format{MP4}, Source: "TC-P-江苏"}
	}
	return Spec{Formats: []Format{JPEG, PNG, GIF}, MinBytes: 200 * kb, MaxBytes: 8 * mb, Colour: k.ColourRequired(),
		MaxPixels: maxPixels, Source: "TC-upload"}
}}

// Huawei is Huawei Cloud's spec: JPG or PNG, usually at most 4 MB, colour
// originals; App icons at most 100 KB (HW-mat, HW-app).
var Huawei = Profile{Name: "huawei", Source: "HW-mat; HW-app", Spec: func(k Kind) Spec {
	if k == AppIcon {
		return appIcon()
	}
	if k == CommitmentVideo {
		return Spec{Formats: []Format{MP4}, Source: "TC-P-江苏"}
	}
	return Spec{Formats: jpegPNG, MaxBytes: 4 * mb, Colour: k.ColourRequired(), MaxPixels: maxPixels, Source: "HW-mat"}
}}

// Alibaba knows only the domain-certificate rule (200 KB to 4 MB,
// ALI-domaincert); Alibaba's other image rules were not available
// (reference/domain.md, open question 1), so other kinds use [Brief].
var Alibaba = Profile{Name: "aliyun", Source: "ALI-domaincert; otherwise the brief", Spec: func(k Kind) Spec {
	if k == DomainCertificate {
		return Spec{Formats: jpegPNG, MinBytes: 200 * kb, MaxBytes: 4 * mb, MaxPixels: maxPixels, Source: "ALI-domaincert"}
	}
	return Brief.Spec(k)
}}

// DefaultSpec returns the brief's spec for k ([Brief]).
func DefaultSpec(k Kind) Spec { return Brief.Spec(k) }
