"""Photograph a review page in headless Chromium (docs/review.png in the README).

    python -m pipeline run corpus/ --metadata corpus/metadata.csv --out outputs/corpus
    python -m pipeline review outputs/corpus --gold corpus/gold
    python scripts/review_screenshot.py outputs/corpus/review/reports/seed-sccon-2019.html \\
        docs/review.png --hover "über 12.700 Besucherinnen und Besucher"

Needs the dev extra and scripts/install-test-browser.sh. ``--hover`` moves the mouse onto the
first mark with that text (scrolled into view), so that the picture shows its tooltip.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.review.browser import headless_chromium


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="review page (.html)")
    parser.add_argument("png", type=Path, help="where to save the screenshot")
    parser.add_argument("--hover", help="text of the mark to hover")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    with headless_chromium(args.width, args.height) as driver:
        driver.get(args.page.resolve().as_uri())
        if args.hover:
            from selenium.webdriver.common.action_chains import ActionChains
            from selenium.webdriver.common.by import By

            mark = driver.find_element(By.XPATH, f"//mark[normalize-space()='{args.hover}']")
            driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", mark)
            ActionChains(driver).move_to_element(mark).perform()
        driver.save_screenshot(str(args.png))


if __name__ == "__main__":
    main()
