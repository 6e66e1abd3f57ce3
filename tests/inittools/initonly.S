/* initonly: helper_a (called from init_fn), helper_b (called from helper_a
 * by a call the assembler resolved: no relocation), helper_d (tail-jumped
 * to from helper_a) and helper_r (recursive, called from init_fn) are the
 * candidates. Not: helper_c (also called by core_user, whose address is in
 * .data), cb_fn (its address taken in init), exit_called (called at exit),
 * export_fn (exported), dead_fn (used by nothing), core_user. */
	.text
	.type helper_a, @function
helper_a:
	call helper_b
	jmp helper_d
	.size helper_a, .-helper_a

	.type helper_b, @function
helper_b:
	ret
	.size helper_b, .-helper_b

	.globl helper_d
	.type helper_d, @function
helper_d:
	ret
	.size helper_d, .-helper_d

	.type helper_r, @function
helper_r:
	call helper_r
	ret
	.size helper_r, .-helper_r

	.type helper_c, @function
helper_c:
	ret
	.size helper_c, .-helper_c

	.type core_user, @function
core_user:
	call helper_c
	ret
	.size core_user, .-core_user

	.type cb_fn, @function
cb_fn:
	ret
	.size cb_fn, .-cb_fn

	.type exit_called, @function
exit_called:
	ret
	.size exit_called, .-exit_called

	.globl export_fn
	.type export_fn, @function
export_fn:
	ret
	.size export_fn, .-export_fn

	.type dead_fn, @function
dead_fn:
	ret
	.size dead_fn, .-dead_fn

	.section .init.text,"ax",@progbits
	.type init_fn, @function
init_fn:
	call helper_a
	call helper_r
	call helper_c
	call export_fn
	movl $cb_fn, %eax
	ret
	.size init_fn, .-init_fn

	.section .exit.text,"ax",@progbits
	.type exit_fn, @function
exit_fn:
	call exit_called
	ret
	.size exit_fn, .-exit_fn

	.data
	.type ops, @object
ops:
	.long core_user
	.size ops, 4

	.section __ksymtab,"a",@progbits
	.long export_fn
