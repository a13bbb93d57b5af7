// Package gobcodec is the encoding/gob codec of runtime/multiprocessing.
//
// It lives apart so that a program that does not use it does not link
// encoding/gob, whose initialisation every start of the program would pay
// for (about 0.3 ms). Importing the package registers the codec under the
// name "gob", so that child processes find it; a program picks it for one
// connection (Conn.SetCodec), one pool (PoolOptions.Codec) or everything
// (multiprocessing.SetDefaultCodec: process arguments, queues, managers):
//
//	import "github.com/goshell/gosh/runtime/multiprocessing/gobcodec"
//
//	func main() {
//		multiprocessing.SetDefaultCodec(gobcodec.Codec)
//		multiprocessing.Main()
//		...
//	}
//
// Gob carries what JSON cannot: interface values of types registered with
// gob.Register, NaN and infinities, maps with any comparable keys. Each
// direction of a connection is one gob stream: a type's description goes
// out once, so an end must not be handed from one sending process to
// another midway (a Queue encodes every message on its own for that).
package gobcodec

import (
	"encoding/gob"
	"io"

	"github.com/goshell/gosh/runtime/multiprocessing"
)

// Codec encodes with encoding/gob, one stream per connection direction.
var Codec multiprocessing.Codec = gobCodec{}

func init() { multiprocessing.RegisterCodec(Codec) }

type gobCodec struct{}

func (gobCodec) Name() string { return "gob" }
func (gobCodec) NewEncoder(w io.Writer) multiprocessing.Encoder {
	return gob.NewEncoder(w)
}
func (gobCodec) NewDecoder(r io.Reader) multiprocessing.Decoder {
	return gob.NewDecoder(r)
}
