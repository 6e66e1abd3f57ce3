# line editing: Backspace, arrows, Ctrl-U, Home, Delete, Ctrl-A/E, and the history with up and down
echo tyxpo
echo helo[Dl[C!
garbageecho killed
abc[H[3~[3~[3~echo home
echo abd[D[Dxc[3~e
[A
[A[A[A[B
