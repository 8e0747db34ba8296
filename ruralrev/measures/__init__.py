"""The few real models the lessons first build by hand, then reuse: the claim checker
(`claims`), the return-to-poverty simulation (`simulation`) and the growth paths (`growth`)."""
