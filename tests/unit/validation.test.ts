import { checkNumber, checkPhone, checkText, collectErrors, hasErrors, normalisePhone, textLength } from '../../src/domain/validation'

const title = { label: '标题', max: 20 }

describe('text validation', () => {
  it('requires a value unless optional', () => {
    expect(checkText('', title)).toBe('请填写标题')
    expect(checkText('   ', title)).toBe('请填写标题')
    expect(checkText(undefined, title)).toBe('请填写标题')
    expect(checkText('', { ...title, optional: true })).toBeNull()
  })

  it('counts characters as people see them', () => {
    expect(textLength('修水龙头')).toBe(4)
    expect(textLength('😀😀')).toBe(2)
    expect(checkText('一'.repeat(20), title)).toBeNull()
    expect(checkText('一'.repeat(21), title)).toBe('标题不能超过20个字（现在21个字）')
  })

  it('refuses emoji-only text, markup and invisible characters', () => {
    expect(checkText('😀🙏', title)).toBe('标题不能只有表情或符号')
    expect(checkText('!!!', title)).toBe('标题不能只有表情或符号')
    expect(checkText('<script>alert(1)</script>', { label: '描述', max: 200 })).toMatch(/描述不能包含网页代码/)
    expect(checkText('买药 <img src=x>', title)).toMatch(/网页代码/)
    expect(checkText('abc\u0007def', title)).toBe('标题包含无法显示的字符')
    expect(checkText('家里 1<2 没问题', title)).toBeNull()
    expect(checkText('帮忙修水管😀', title)).toBeNull()
  })

  it('refuses right-to-left text and direction overrides with a message that says so', () => {
    expect(checkText('abc\u202Edef', title)).toBe('标题包含改变文字方向的隐藏字符，请删除后重新输入')
    expect(checkText('买药\u200F', title)).toMatch(/改变文字方向/)
    expect(checkText('مرحبا بكم', title)).toBe('标题不能包含阿拉伯文、希伯来文等从右向左书写的文字')
    expect(checkText('帮忙 שלום', title)).toMatch(/从右向左/)
    expect(checkText('ﻣﺮﺣﺒﺎ', title)).toMatch(/从右向左/)
    // Latin with accents and full-width letters are left to right: fine.
    expect(checkText('Café Müller ＡＢＣ', title)).toBeNull()
  })

  it('takes text shaped like SQL as it is: parameterised queries keep it plain text', () => {
    const note = { label: '留言', max: 200 }
    for (const text of ["' OR '1'='1", "admin'--", '1; DROP TABLE wishes', '0 UNION SELECT phone FROM users']) {
      expect([text, checkText(text, note)]).toEqual([text, null])
    }
  })

  it('lets ordinary sentences with apostrophes, quotes, dashes and the same words through', () => {
    const note = { label: '留言', max: 200 }
    for (const text of [
      "I'm free on weekends and I'd like to help",
      "Don't worry, it's the neighbour's cat or dog",
      '周末都可以，或者工作日晚上',
      '上午9:00--10:00有空，下午不行',
      '楼上 -- 三楼 -- 漏水',
      'We select a union rep; then we drop by',
      '他说"好的"，然后就走了',
      "Tom's and Jerry's shop",
      '1=1 不是问题，or 也不是',
      '请帮忙更新一下（update）家里的路由器设置',
    ]) {
      expect(checkText(text, note)).toBeNull()
    }
  })

  it('refuses wrong types', () => {
    expect(checkText(42, title)).toBe('标题格式不正确')
    expect(checkText({}, title)).toBe('标题格式不正确')
    expect(checkText(['标题'], title)).toBe('标题格式不正确')
    expect(checkText(true, title)).toBe('标题格式不正确')
    expect(checkText(null, title)).toBe('请填写标题')
    expect(checkText(null, { ...title, optional: true })).toBeNull()
  })
})

describe('phone validation', () => {
  it('accepts mainland mobiles with spaces or dashes', () => {
    expect(checkPhone('13812341234')).toBeNull()
    expect(checkPhone('138 1234 1234')).toBeNull()
    expect(checkPhone('199-1234-1234')).toBeNull()
    expect(normalisePhone('138 1234-1234')).toBe('13812341234')
  })

  it('refuses everything else with a message', () => {
    expect(checkPhone('')).toBe('请填写手机号')
    expect(checkPhone('12812341234')).toMatch(/11位手机号/)
    expect(checkPhone('1381234123')).toMatch(/11位手机号/)
    expect(checkPhone('138123412345')).toMatch(/11位手机号/)
    expect(checkPhone('0452-5861103')).toMatch(/11位手机号/)
    expect(checkPhone(13812341234)).toBe('手机号格式不正确')
  })
})

describe('number validation', () => {
  const hours = { label: '服务时长', min: 0.5, max: 12, step: 0.5, unit: '小时' }
  it('checks range and step at the boundaries', () => {
    expect(checkNumber(0.5, hours)).toBeNull()
    expect(checkNumber(12, hours)).toBeNull()
    expect(checkNumber('3.5', hours)).toBeNull()
    expect(checkNumber(0, hours)).toBe('服务时长须在0.5小时到12小时之间')
    expect(checkNumber(12.5, hours)).toBe('服务时长须在0.5小时到12小时之间')
    expect(checkNumber(1.2, hours)).toBe('服务时长须为0.5小时的整数倍')
    expect(checkNumber('abc', hours)).toBe('服务时长须为数字')
    expect(checkNumber('', hours)).toBe('请填写服务时长')
  })
})

describe('collecting errors', () => {
  it('keeps only failed fields', () => {
    const errors = collectErrors({ title: checkText('', title), phone: checkPhone('13812341234') })
    expect(errors).toEqual({ title: '请填写标题' })
    expect(hasErrors(errors)).toBe(true)
    expect(hasErrors({})).toBe(false)
  })
})
