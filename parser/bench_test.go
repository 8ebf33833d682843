package parser_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"runtime"
	"testing"

	"github.com/graphgen/graphgen/parser"
)

// BenchmarkParse parses and resolves the current v1.0 document. Besides
// the usual figures it reports the bytes allocated per parse (alloc-MB/op),
// the heap a parsed model keeps alive (model-MB) and the heap the runtime
// has reserved from the system at the end (heap-sys-MB), which bounds the
// peak heap when the benchmark runs alone.
func BenchmarkParse(b *testing.B) {
	data := readMetadata(b, v10Current)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var keep *parser.Model
	measure := memoryMeter(b)
	for b.Loop() {
		m, err := parser.Parse(v10Current, data)
		if err != nil {
			b.Fatal(err)
		}
		keep = m
	}
	measure()
	runtime.KeepAlive(keep)
	runtime.KeepAlive(data)
}

// BenchmarkXMLTokenScan reads the same bytes with a bare encoding/xml
// token loop: the floor any parser built on encoding/xml (etree is) cannot
// go below.
func BenchmarkXMLTokenScan(b *testing.B) {
	data := readMetadata(b, v10Current)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	measure := memoryMeter(b)
	for b.Loop() {
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	measure()
	runtime.KeepAlive(data)
}

// memoryMeter records the allocation counters before the loop; the
// function it returns reports, in megabytes, the bytes allocated per
// operation, the growth of the live heap after a collection and the heap
// reserved from the system.
func memoryMeter(b *testing.B) func() {
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	return func() {
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		total := after.TotalAlloc - before.TotalAlloc
		reserved := after.HeapSys
		runtime.GC()
		runtime.ReadMemStats(&after)
		const mb = 1 << 20
		b.ReportMetric(float64(total)/float64(b.N)/mb, "alloc-MB/op")
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/mb, "model-MB")
		b.ReportMetric(float64(reserved)/mb, "heap-sys-MB")
	}
}
