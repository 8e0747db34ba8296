"""Numbers written into the course's sentences (feedback, verdicts), one way everywhere."""


def number(x: float, decimals: int = 4, thousands: bool = True) -> str:
    """Readable form: at most `decimals` decimals, no trailing zeros, thousands separated unless
    `thousands` is False, as for a year (12.3700 -> '12.37', 98990000 -> '98,990,000', -0.0 -> '0')."""
    text = f"{x + 0.0:{',' if thousands else ''}.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text
