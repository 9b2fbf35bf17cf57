import type { Locator, Page } from 'playwright-core';

export interface DroppedFile {
  name: string;
  type: string;
  text: string;
}

/** Files dropped from the desktop onto `target`, as the browser delivers them (a DataTransfer holding File objects). */
export async function dropFiles(page: Page, target: Locator, files: DroppedFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
