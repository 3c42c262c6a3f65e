package convert

import (
	"context"
	"os"
	"testing"

	"github.com/undoc/undoc/store/emit"
)

// FuzzConvertText feeds arbitrary bytes through decoding, segmentation and
// JSON writing as a text document: no panic, and always valid JSON.
func FuzzConvertText(f *testing.F) {
	seed, err := os.ReadFile(testdata + "seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed[:4000])
	f.Add([]byte("第一章\n方案 8\n次级方案 2\n秘书处预期成绩  绩效指标\n(a) x  (a) ㈠ y\n㈡ z\n"))
	f.Add([]byte("立法授权\n1. 如下：\n次级方案 2\n大会决议\n69/137 标题\n"))
	f.Add([]byte("\xff\xfe1\x00.\x00 \x00"))
	f.Add([]byte("图一\n A. x\n表 1\n目标 预期成绩\n目标 文本\n简称：x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, _ := Convert(context.Background(), Input{Data: b, Name: "fuzz.txt", Format: FormatText}, Options{})
		if res == nil || res.Output == nil {
			t.Fatal("no output")
		}
		if _, err := emit.Marshal(res.Output, false); err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Output.Diagnostics {
			if d.Code == "panic" {
				t.Fatalf("panic: %s", d.Message)
			}
		}
	})
}
