echo tyxpo
echo helo[Dl[C!
garbageecho killed
abc[H[3~[3~[3~echo home
echo abd[D[Dxc[3~e
[A
[A[A[A[B
