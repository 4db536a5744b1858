package content_test

import (
	"fmt"
	"strings"

	"github.com/icpkit/icpkit/icp/content"
)

func ExamplePreApprovalTable_Scan() {
	for _, h := range content.DefaultPreApproval().Scan("手游资讯与理财课堂") {
		c, _ := content.DefaultPreApproval().Category(h.Category)
		fmt.Println(h.Category, h.Word, c.Document)
	}
	// Output:
	// finance 理财 金融监管部门批准文件
	// games 手游 游戏版号
}

func ExampleLoadNameRules_errors() {
	_, err := content.LoadNameRules(strings.NewReader("everyone\tcontains\tx\terror\tCONFIRMED\tsrc\n"))
	fmt.Println(err)
	// Output:
	// content: <input>:1: scope "everyone"
}
