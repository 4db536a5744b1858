package material

import "encoding/binary"

// parseEXIF reads XResolution, YResolution, ResolutionUnit and Orientation
// from IFD0 of a TIFF structure. It follows no IFD links, so a cycle cannot
// loop; an offset past the end is a problem, returned as its reason.
func parseEXIF(b []byte) (x, y float64, unit uint16, orient int, problem string) {
	if len(b) < 8 {
		return 0, 0, 0, 0, "header too short"
	}
	var bo binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0, 0, 0, 0, "byte order"
	}
	if bo.Uint16(b[2:]) != 42 {
		return 0, 0, 0, 0, "TIFF magic"
	}
	ifd := int64(bo.Uint32(b[4:]))
	if ifd < 8 || ifd+2 > int64(len(b)) {
		return 0, 0, 0, 0, "IFD0 offset past the end"
	}
	cnt := int64(bo.Uint16(b[ifd:]))
	if ifd+2+cnt*12 > int64(len(b)) {
		return 0, 0, 0, 0, "IFD0 entries past the end"
	}
	rational := func(e []byte) (float64, string) {
		if bo.Uint16(e[2:]) != 5 || bo.Uint32(e[4:]) < 1 {
			return 0, "resolution type"
		}
		off := int64(bo.Uint32(e[8:]))
		if off+8 > int64(len(b)) {
			return 0, "resolution offset past the end"
		}
		num, den := bo.Uint32(b[off:]), bo.Uint32(b[off+4:])
		if den == 0 {
			return 0, ""
		}
		return float64(num) / float64(den), ""
	}
	for i := range cnt {
		e := b[ifd+2+i*12 : ifd+2+i*12+12]
		switch bo.Uint16(e) {
		case 0x011A:
			if x, problem = rational(e); problem != "" {
				return 0, 0, 0, 0, problem
			}
		case 0x011B:
			if y, problem = rational(e); problem != "" {
				return 0, 0, 0, 0, problem
			}
		case 0x0128:
			if bo.Uint16(e[2:]) == 3 {
				unit = bo.Uint16(e[8:])
			}
		case 0x0112:
			if bo.Uint16(e[2:]) == 3 {
				if v := int(bo.Uint16(e[8:])); v >= 1 && v <= 8 {
					orient = v
				}
			}
		}
	}
	return x, y, unit, orient, ""
}

// swapForOrientation applies an EXIF orientation of 5–8, which turns the
// image a quarter, to the width and height.
func (i *Info) swapForOrientation() {
	if i.Orientation >= 5 && i.Orientation <= 8 {
		i.Width, i.Height = i.Height, i.Width
	}
}
