"""What TwinDesk says about documents and their files, in English and Chinese (see store.messages)."""

from twindesk.store.messages import add_chinese

DOCUMENTS_ZH = {
    # files refused (domain.operations.documents)
    "“{name}” is {size}; the largest file TwinDesk keeps is {limit}.":
        "“{name}”大小为 {size}；TwinDesk 保存的文件最大为 {limit}。",
    "“{name}” is empty (0 bytes); attach the file with its content.": "“{name}”是空文件（0 字节）；请添加有内容的文件。",
    "“{name}” cannot be read ({reason}).": "无法读取“{name}”（{reason}）。",
    "“{name}” is not a file (a folder, a device or a pipe).": "“{name}”不是文件（而是文件夹、设备或管道）。",
    "“{name}” is not a kind of file TwinDesk keeps: it looks like {what}. TwinDesk keeps PDF documents, "
    "images (PNG, JPEG, GIF, WebP, TIFF, BMP), Word, Excel and PowerPoint files, OpenDocument files and "
    "plain text.":
        "“{name}”不是 TwinDesk 保存的文件类型：看起来是{what}。TwinDesk 保存 PDF 文档、图片（PNG、JPEG、GIF、"
        "WebP、TIFF、BMP）、Word、Excel 和 PowerPoint 文件、OpenDocument 文件以及纯文本。",
    "“{name}” is not {expected}: its content is {found}. Attach the right file, or give it the extension "
    "that fits (.{extension}).":
        "“{name}”不是{expected}：其内容是{found}。请添加正确的文件，或改用相符的扩展名（.{extension}）。",
    "“{name}” ends in .{given}, but its content is {found}; give it the extension that fits (.{extension}).":
        "“{name}”的扩展名是 .{given}，但其内容是{found}；请改用相符的扩展名（.{extension}）。",
    "Nothing was attached: {problems}": "未添加任何文件：{problems}",
    "No file was given to attach.": "没有给出要添加的文件。",
    # records and fields
    "Documents can be attached to {kinds}, not to “{kind}”.": "文件只能添加到{kinds}，不能添加到“{kind}”。",
    "There is no document with ID {id}.": "没有编号为 {id} 的文件。",
    # what the history says
    "{count} file(s) attached": "添加了 {count} 个文件",
    "{count} document(s) removed": "移除了 {count} 份文件",
}

add_chinese(DOCUMENTS_ZH)
