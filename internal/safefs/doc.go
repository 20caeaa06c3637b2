// Package safefs reads and writes the files a person supplies without
// letting a special file hang the program, a symbolic link redirect a
// write, or a huge file exhaust memory.
//
// Every package of the project that reads a template, a locale file, a
// record, a config file or anything else a person wrote, or writes a file
// a person named, goes through this package.
//
// # Reading
//
// [ReadFile] and [ReadFS] read only regular files. A named pipe (FIFO), a
// device, a socket or a folder is refused with an error that wraps
// [ErrNotRegular], without blocking: a path on disk is opened
// non-blocking and checked with fstat before any byte is read, and a file
// in an [fs.FS] is checked with [fs.Stat] before it is opened. The size
// limit is checked before the work — from the file's size when it is
// known — and the file is then read through a limited reader, so that at
// most limit+1 bytes are ever held, even when the file grows while it is
// read. A file over the limit gives a [*TooLargeError], which wraps
// [ErrTooLarge].
//
// [DirFS] is [os.DirFS] with the same care: its Open never blocks on a
// FIFO and refuses anything but regular files and folders. A symbolic link
// inside it is followed, as os.DirFS does: the folder is the person's own.
//
// [ReadAll] reads a stream such as standard input and gives up when its
// context is cancelled, so that Ctrl-C works while a read is blocked.
//
// # Writing
//
// [WriteFile] and [Create] write only a new regular file or replace a
// regular file. They never write through a symbolic link and never open
// or replace a FIFO, a device, a socket or a folder: the data goes to a
// new file beside the target, which is renamed into place only when the
// target is still absent or a regular file. [OpenFile] opens a file (such
// as a lock file) in place, never following a symbolic link in its last
// element and refusing anything but a regular file.
//
// Errors name the path and say what kind of file was found; they never
// hold the file's contents.
package safefs
