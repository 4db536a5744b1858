package norm_test

import (
	"errors"
	"fmt"

	"github.com/icpkit/icpkit/internal/norm"
)

func ExampleMaskPersonalNumbers() {
	// An opener's error names an upload after the applicant's ID number
	// (synthetic): mask it before it reaches a finding.
	err := errors.New("open /uploads/330106198503071238-front.jpg: no such file or directory")
	fmt.Println(norm.MaskPersonalNumbers(err.Error()))
	fmt.Println(norm.MaskPersonalNumbers("call +8613912345678, order 20261130123456"))
	// Output:
	// open /uploads/3301**********1238-front.jpg: no such file or directory
	// call +86139****5678, order 20261130123456
}
