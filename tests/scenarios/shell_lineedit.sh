# line editing: Backspace, arrows, Ctrl-U, Home, Delete, Ctrl-A/E, and the history with up and down; ESC then Enter is an Enter; ESC [ with 20 digits ~ is ignored
echo tyxpo
echo helo[Dl[C!
garbageecho killed
abc[H[3~[3~[3~echo home
echo abd[D[Dxc[3~e
[A
[A[A[A[B
echo esc-enter
echo big[99999999999999999999~ok
